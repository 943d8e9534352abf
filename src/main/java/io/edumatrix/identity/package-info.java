/**
 * Identity: accounts and their password credentials, sessions (refresh-token families), failed-login tracking, and
 * the keys that sign the application's access tokens. Its tables are global, keyed by account: an account exists
 * before it belongs to any institution. It reads memberships through {@link io.edumatrix.institutions.InstitutionsApi}
 * and implements {@link io.edumatrix.institutions.AccountDirectory} for the institutions module.
 */
@ApplicationModule(allowedDependencies = {"platform :: *", "institutions"})
@Audited(value = {"account", "login_attempt", "login_lockout", "session_family", "refresh_token", "signing_key",
        "erasure_request", "erasure_step", "account_token", "totp_credential", "totp_recovery_code",
        "second_factor_challenge"},
        omit = {"account.password_hash", "account.email_index", "login_attempt.email_index", "login_lockout.email_index",
                "refresh_token.token_hash", "signing_key.wrapped_private_key", "account_token.token_hash",
                "account_token.email_index", "totp_credential.secret", "totp_recovery_code.code_hash",
                "second_factor_challenge.challenge_hash"})
package io.edumatrix.identity;

import io.edumatrix.platform.tables.Audited;
import org.springframework.modulith.ApplicationModule;
