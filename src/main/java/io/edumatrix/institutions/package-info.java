/**
 * Institutions: the tenants of EduMatrix, their departments and their members. Other modules learn about institutions
 * only through {@link io.edumatrix.institutions.InstitutionsApi} and the events published here. The institution
 * registry itself is global (an institution exists before anyone belongs to it; ADR 0011); departments and memberships
 * belong to one institution each.
 */
@ApplicationModule(allowedDependencies = "platform :: *")
@TenantOwned({"department", "membership"})
@Audited({"institution", "department", "membership"})
@DataSubjectColumns("membership.account_id")
package io.edumatrix.institutions;

import io.edumatrix.platform.tables.Audited;
import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
import org.springframework.modulith.ApplicationModule;
