/**
 * Freelancing: gigs between members of an institution. A member (the client) posts a gig with a budget, other members
 * send proposals, and accepting one awards the gig and opens a contract between the two, with milestones. Accounts
 * are known by id only (from the access token); the only other module it hears from is institutions, through
 * {@link io.edumatrix.institutions.InstitutionDeactivated}.
 */
@ApplicationModule(allowedDependencies = {"platform :: *", "institutions"})
@TenantOwned({"gig", "proposal", "contract", "contract_party", "milestone"})
@Audited({"gig", "proposal", "contract", "contract_party", "milestone"})
@DataSubjectColumns({"gig.client_account_id", "proposal.freelancer_account_id", "contract_party.account_id"})
package io.edumatrix.freelancing;

import io.edumatrix.platform.tables.Audited;
import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
import org.springframework.modulith.ApplicationModule;
