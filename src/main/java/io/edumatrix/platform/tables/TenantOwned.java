package io.edumatrix.platform.tables;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a module's {@code package-info.java}: the module's tables that belong to one institution each. Every one must have
 * {@code institution_id uuid not null}; the platform's migrations give each a row-level security policy, enabled and
 * forced, that admits only the rows of the current tenant ({@code TenantContext}) for reading and writing.
 */
@Documented
@Target(ElementType.PACKAGE)
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantOwned {

    /** Table names, unqualified (they are in the module's schema). */
    String[] value();
}
