/**
 * Server-sent event streams fed by PostgreSQL's LISTEN/NOTIFY, so a change made on one application instance reaches the
 * streams open on every other one. Published to the modules whole ({@code platform :: live}).
 */
@NamedInterface("live")
package io.edumatrix.platform.live;

import org.springframework.modulith.NamedInterface;
