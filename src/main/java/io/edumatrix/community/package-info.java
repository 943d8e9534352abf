/**
 * Community: chat rooms of an institution, public to all its members or private to those their owner adds, with
 * messages (bodies sealed for their authors) delivered live over server-sent events. A message posted on one
 * application instance reaches the streams open on every other one through PostgreSQL's LISTEN/NOTIFY. Accounts are
 * known by id; whether one belongs to the institution is asked of {@link io.edumatrix.institutions.InstitutionsApi}.
 */
@ApplicationModule(allowedDependencies = {"platform :: *", "institutions"})
@TenantOwned({"room", "room_member", "message", "message_mention"})
@Audited({"room", "room_member", "message", "message_mention"})
@DataSubjectColumns({"room_member.account_id", "message.author_account_id", "message_mention.account_id"})
package io.edumatrix.community;

import io.edumatrix.platform.tables.Audited;
import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
import org.springframework.modulith.ApplicationModule;
