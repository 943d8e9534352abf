package io.edumatrix.identity.internal.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform administrator created at start-up, if both are set.
 *
 * @param email its email ({@code EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL})
 * @param password its password ({@code EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD})
 */
@ConfigurationProperties("edumatrix.bootstrap.admin")
record BootstrapProperties(@DefaultValue("") String email, @DefaultValue("") String password) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "BootstrapProperties[email=" + email + "]";
    }
}
