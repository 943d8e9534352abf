package io.edumatrix.platform.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the platform's master key comes from: exactly one of the first two settings; and, while the master key is being
 * replaced, the key being replaced, from at most one of the other two.
 *
 * @param keyWrappingKey base64 of 32 random bytes ({@code EDUMATRIX_KEY_WRAPPING_KEY})
 * @param keyWrappingKeyFile a file holding that base64 text ({@code EDUMATRIX_KEY_WRAPPING_KEY_FILE}), such as a
 *     mounted secret
 * @param keyWrappingKeyPrevious the master key being replaced ({@code EDUMATRIX_KEY_WRAPPING_KEY_PREVIOUS}): it only
 *     opens what is still wrapped under it, which the key maintenance re-wraps under the current key
 * @param keyWrappingKeyPreviousFile a file holding it ({@code EDUMATRIX_KEY_WRAPPING_KEY_PREVIOUS_FILE})
 */
@ConfigurationProperties("edumatrix.security")
record MasterKeyProperties(@DefaultValue("") String keyWrappingKey, @DefaultValue("") String keyWrappingKeyFile,
        @DefaultValue("") String keyWrappingKeyPrevious, @DefaultValue("") String keyWrappingKeyPreviousFile) {

    /** Never prints a key. */
    @Override
    public String toString() {
        return "MasterKeyProperties[keyWrappingKeyFile=" + keyWrappingKeyFile + ", keyWrappingKeyPreviousFile="
                + keyWrappingKeyPreviousFile + "]";
    }
}
