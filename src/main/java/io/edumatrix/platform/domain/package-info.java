/**
 * Building blocks of domain models shared by every module: state machines, money, and the domain exceptions with their
 * problem types. Published to the modules whole ({@code platform :: domain}); it knows nothing of HTTP, which
 * {@code platform.web} maps it to.
 */
@NamedInterface("domain")
package io.edumatrix.platform.domain;

import org.springframework.modulith.NamedInterface;
