package io.edumatrix.community.internal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A membership as stored, read for a person's export; written and deleted by {@link RoomMemberRepository}. */
@Table("room_member")
record RoomMembership(@Id UUID id, UUID institutionId, UUID roomId, UUID accountId, String role, Instant joinedAt) {}
