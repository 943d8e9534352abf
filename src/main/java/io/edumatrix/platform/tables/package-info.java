/**
 * What a module declares about its tables on its {@code package-info.java}: which belong to one institution each
 * ({@code @TenantOwned}), which keep an audit trail ({@code @Audited}), and which columns name the person a row is
 * about ({@code @DataSubjectColumns}). The platform turns the declarations into row-level security, triggers and
 * policies. Published to the modules whole ({@code platform :: tables}).
 */
@NamedInterface("tables")
package io.edumatrix.platform.tables;

import org.springframework.modulith.NamedInterface;
