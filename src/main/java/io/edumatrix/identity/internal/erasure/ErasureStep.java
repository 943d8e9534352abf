package io.edumatrix.identity.internal.erasure;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One module's part of an erasure request: null {@code confirmedAt} until the module confirms it erased the person. */
@Table("erasure_step")
record ErasureStep(@Id UUID id, UUID requestId, String module, Instant confirmedAt) {}
