package io.edumatrix.community.internal;

import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An account a message mentions. Written with its message, never changed. */
@Table("message_mention")
record Mention(@Id UUID id, UUID institutionId, UUID messageId, UUID accountId) {}
