package io.edumatrix.institutions.internal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A department of an institution; part of the institution aggregate. */
@Table("department")
record Department(UUID id, String name, String code, Instant createdAt) {}
