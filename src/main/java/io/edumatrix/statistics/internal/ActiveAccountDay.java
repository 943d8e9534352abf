package io.edumatrix.statistics.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A day an account was active as a student in an institution: personal data, exported and erased. */
@Table("active_account_day")
record ActiveAccountDay(@Id UUID accountId, UUID institutionId, LocalDate day) {}
