/**
 * Access tokens, the caller, and the access rules every handler method carries (ADR 0009). Published to the modules
 * whole ({@code platform :: security}): what is public here is the rule annotations, the caller and its roles; the
 * filter chain and the guards are package-private.
 */
@NamedInterface("security")
package io.edumatrix.platform.security;

import org.springframework.modulith.NamedInterface;
