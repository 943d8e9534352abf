/**
 * Feedback: a rating of 1 to 5, with an optional comment, that a member gives a course, a job posting or the platform
 * itself; one per account, institution and subject (a second one replaces the first). Institution admins can hide a
 * comment, never the rating. Subjects are checked through the owning modules' published APIs; accounts are known by id
 * only (from the access token).
 */
@ApplicationModule(allowedDependencies = {"platform :: *", "courses", "jobs"})
@TenantOwned("feedback")
@Audited("feedback")
@DataSubjectColumns("feedback.author_account_id")
package io.edumatrix.feedback;

import io.edumatrix.platform.tables.Audited;
import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
import org.springframework.modulith.ApplicationModule;
