package io.edumatrix.identity.internal.accounts;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.platform.data.ModuleStartupException;
import io.edumatrix.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Creates the first platform administrator from the configuration, so a new installation can be administered at all.
 * It runs once the migrations are done and before the HTTP port opens; an account with the email, created earlier or
 * by another instance at the same moment, is left exactly as it is.
 */
@Component
@EnableConfigurationProperties(BootstrapProperties.class)
class BootstrapAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final String EMAIL = "edumatrix.bootstrap.admin.email";
    private static final String PASSWORD = "edumatrix.bootstrap.admin.password";

    private final BootstrapProperties properties;
    private final AccountService accounts;
    private final AccountRegistration registration;

    BootstrapAdmin(BootstrapProperties properties, AccountService accounts, AccountRegistration registration) {
        this.properties = properties;
        this.accounts = accounts;
        this.registration = registration;
        validate(properties);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.email().isBlank()) {
            return;
        }
        // The email is personal data: the log names the account by its id only.
        var existing = accounts.findByEmail(properties.email());
        if (existing.isPresent()) {
            log.info("Bootstrap administrator exists already (account {}); left unchanged", existing.get().id());
            return;
        }
        try {
            var created = registration.registerPlatformAdmin(properties.email(), "Platform administrator",
                    properties.password());
            log.info("Bootstrap administrator created (account {})", created.id());
        } catch (DomainException e) {
            if (e.type() != IdentityProblems.EMAIL_TAKEN) {
                throw e;
            }
            log.info("Bootstrap administrator was created by another instance; left unchanged");
        }
    }

    private static void validate(BootstrapProperties properties) {
        var hasEmail = !properties.email().isBlank();
        var hasPassword = !properties.password().isEmpty();
        if (hasEmail != hasPassword) {
            var missing = hasEmail ? PASSWORD + " (EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD)" : EMAIL + " (EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL)";
            var present = hasEmail ? EMAIL : PASSWORD;
            throw new ModuleStartupException("Setting " + missing + " is missing while " + present + " is set",
                    "Set both to create the first platform administrator, or neither.");
        }
        if (!hasEmail) {
            return;
        }
        if (!properties.email().contains("@")) {
            throw new ModuleStartupException("Setting " + EMAIL + " is not an email address",
                    "Set it to the administrator's email address.");
        }
        try {
            Passwords.check(properties.password(), properties.email());
        } catch (DomainException e) {
            throw new ModuleStartupException("Setting " + PASSWORD + " is rejected: " + e.getMessage(),
                    "Choose a password of " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH
                            + " characters that is not the email address.");
        }
    }
}
