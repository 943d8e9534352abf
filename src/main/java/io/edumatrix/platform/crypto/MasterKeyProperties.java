package io.edumatrix.platform.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the platform's master key comes from: exactly one of the two settings.
 *
 * @param keyWrappingKey base64 of 32 random bytes ({@code EDUMATRIX_KEY_WRAPPING_KEY})
 * @param keyWrappingKeyFile a file holding that base64 text ({@code EDUMATRIX_KEY_WRAPPING_KEY_FILE}), such as a
 *     mounted secret
 */
@ConfigurationProperties("edumatrix.security")
record MasterKeyProperties(@DefaultValue("") String keyWrappingKey, @DefaultValue("") String keyWrappingKeyFile) {

    /** Never prints the key. */
    @Override
    public String toString() {
        return "MasterKeyProperties[keyWrappingKeyFile=" + keyWrappingKeyFile + "]";
    }
}
