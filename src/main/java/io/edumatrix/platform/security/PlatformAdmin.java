package io.edumatrix.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Access rule of an endpoint: A platform administrator. Every handler method carries exactly one access rule, and the README's table of
 * endpoints names it by {@link #RULE}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@AccessRule
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
public @interface PlatformAdmin {

    String RULE = "platform admin";
}
