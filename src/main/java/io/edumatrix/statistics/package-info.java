/**
 * Statistics: a read model of each institution's activity (courses, enrollments, active students, job postings and
 * applications, gigs and contracts, articles, messages, course ratings), totals and daily series, fed only by the other
 * modules' events. It calls no other module and reads none of their data; it depends on them for their event types
 * only. Its figures trail the events by a moment (eventual consistency), measured by the
 * {@code edumatrix.statistics.lag} timer.
 */
@ApplicationModule(allowedDependencies = {"platform :: *", "courses", "students", "jobs", "freelancing", "news",
        "community", "feedback"})
@TenantOwned({"figure", "daily_figure", "lifecycle_mark", "active_account_day"})
// Not @Audited: every row is derived from events that their publishers' outboxes and audit trails already record, and a
// listener rewrites a total at every event, so an audit trail would double the writes and only repeat the events (with
// the active students' account ids, personal data the trail would keep after their erasure here).
@DataSubjectColumns("active_account_day.account_id")
package io.edumatrix.statistics;

import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
import org.springframework.modulith.ApplicationModule;
