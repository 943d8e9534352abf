package io.edumatrix.statistics.internal;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A running total of the current institution (row-level security keeps to it), as read. */
@Table("figure")
record Figure(@Id String name, long value) {}
