package io.edumatrix.courses.startupfixture;

import java.util.UUID;
import org.springframework.data.annotation.Id;

/** Deliberately no {@code @Table}: the courses mapping scans its package for those. */
public record StrayRecord(@Id UUID id) {}
