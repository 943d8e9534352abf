package io.edumatrix.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Access rule of an endpoint: another EduMatrix process calling a module's internal binding (ADR 0035), with a
 * service token of its own ({@link Role#SERVICE}); its institution is the token's, never a header's. Every handler
 * method carries exactly one access rule, and the README's table of endpoints names it by {@link #RULE}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@AccessRule
@PreAuthorize("hasRole('SERVICE')")
public @interface InternalCaller {

    String RULE = "internal caller";
}
