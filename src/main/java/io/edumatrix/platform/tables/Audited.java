package io.edumatrix.platform.tables;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a module's {@code package-info.java}: the module's tables whose every change is written to the module's
 * {@code audit_log}, with the acting account, the request id and the row before and after. The platform's migrations
 * give each table the trigger that does it (ADR 0014).
 *
 * <p>Personal columns are stored as ciphertext, so the trail holds only their ciphertext. Secrets (password and token
 * hashes, wrapped keys, blind indexes) must not be in it at all: name them in {@link #omit()}. An omitted name that
 * matches no column is ignored, so a renamed secret column must be renamed here too.
 */
@Documented
@Target(ElementType.PACKAGE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    /** Table names, unqualified (they are in the module's schema). */
    String[] value();

    /** Columns never written to the trail, as {@code table.column}; the table must be one of {@link #value()}. */
    String[] omit() default {};
}
