/**
 * The job portal: postings by an institution's staff (draft, open, closed) and students' applications to them, with
 * sealed cover letters. Accounts are known by id only (from the access token); nothing here reads another module's
 * data. An institution's deactivation (its event) closes its postings.
 */
@ApplicationModule(allowedDependencies = {"platform :: *", "institutions"})
@TenantOwned({"job_posting", "job_posting_poster", "job_posting_word", "job_application"})
// job_posting_word is derived from the postings' text by a trigger (a search index), so auditing it would only repeat
// job_posting's entries word by word.
@Audited({"job_posting", "job_posting_poster", "job_application"})
@DataSubjectColumns({"job_posting_poster.account_id", "job_application.applicant_account_id"})
package io.edumatrix.jobs;

import io.edumatrix.platform.tables.Audited;
import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
import org.springframework.modulith.ApplicationModule;
