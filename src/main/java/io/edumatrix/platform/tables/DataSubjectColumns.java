package io.edumatrix.platform.tables;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a module's {@code package-info.java}: for each of its tenant-owned tables that holds rows about a person, the
 * column naming that person's account, as {@code "table.column"} ({@code "enrollment.student_id"}). The platform's
 * migrations give each such table a second, permissive policy, {@code data_subject}, that admits the rows about the data
 * subject bound for a GDPR export or erasure, in every institution. Outside an export or erasure no data subject is bound
 * and the policy admits nothing (ADR 0015).
 */
@Documented
@Target(ElementType.PACKAGE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DataSubjectColumns {

    /** {@code table.column}, unqualified by schema; the table must be declared tenant-owned too. */
    String[] value();
}
