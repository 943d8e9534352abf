/**
 * Identity: accounts and their password credentials, sessions (refresh-token families), failed-login tracking, and
 * the keys that sign the application's access tokens. Its tables are global, keyed by account: an account exists
 * before it belongs to any institution. It reads memberships through {@link io.edumatrix.institutions.InstitutionsApi}
 * and implements {@link io.edumatrix.institutions.AccountDirectory} for the institutions module.
 */
@ApplicationModule(allowedDependencies = {"platform", "institutions"})
package io.edumatrix.identity;

import org.springframework.modulith.ApplicationModule;
