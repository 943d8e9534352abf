/**
 * Community: chat rooms of an institution, public to all its members or private to those their owner adds, with
 * messages (bodies sealed for their authors) delivered live over server-sent events. A message posted on one
 * application instance reaches the streams open on every other one through PostgreSQL's LISTEN/NOTIFY. Accounts are
 * known by id; whether one belongs to the institution is asked of {@link io.edumatrix.institutions.InstitutionsApi}.
 * Members have a read position per room (unread counts, who has read a message) and may block each other: the blocked
 * one's messages are hidden from the blocker and their mentions of the blocker tell nobody.
 */
@ApplicationModule(allowedDependencies = {"platform :: *", "institutions"})
@TenantOwned({"room", "room_member", "message", "message_mention", "read_position", "account_block"})
// read_position moves with every message a member reads: auditing it would record reading, not changes.
@Audited({"room", "room_member", "message", "message_mention", "account_block"})
// account_block names two people; its blocked_account_id has a data-subject policy of its own (db/community/V3).
@DataSubjectColumns({"room_member.account_id", "message.author_account_id", "message_mention.account_id",
        "read_position.account_id", "account_block.blocker_account_id"})
package io.edumatrix.community;

import io.edumatrix.platform.tables.Audited;
import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
import org.springframework.modulith.ApplicationModule;
