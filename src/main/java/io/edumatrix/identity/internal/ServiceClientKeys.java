package io.edumatrix.identity.internal;

import io.edumatrix.platform.data.ModuleStartupException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * What a process without identity and identity agree on to exchange a client assertion for a service token (ADR
 * 0035): the endpoint, the assertion's type and claims, and the EC P-256 keys in PEM, read at start-up. A key that does
 * not parse stops the start with one line naming its setting.
 */
public final class ServiceClientKeys {

    /** Identity's endpoint that takes a client assertion and answers a service token. */
    public static final String ENDPOINT = "/internal/v1/identity/service-tokens";
    /** RFC 7523's {@code client_assertion_type} of a JWT assertion. */
    public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** The assertion's claim naming the account that acts, absent when none does (a listener's call). */
    public static final String ACCOUNT = "account_id";
    /** The longest an assertion may live, from its {@code iat} to its {@code exp}. */
    public static final java.time.Duration MAX_ASSERTION_LIFETIME = java.time.Duration.ofSeconds(60);

    private ServiceClientKeys() {}

    /** An EC public key in PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public static ECPublicKey publicKey(String pem, String setting) {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der(pem, setting)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw unreadable(setting, "an EC public key (-----BEGIN PUBLIC KEY-----)", e);
        }
    }

    /** An EC private key in PEM ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8). */
    public static ECPrivateKey privateKey(String pem, String setting) {
        try {
            var spec = new PKCS8EncodedKeySpec(der(pem, setting));
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(spec);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw unreadable(setting, "an EC P-256 private key in PKCS#8 (-----BEGIN PRIVATE KEY-----)", e);
        }
    }

    private static byte[] der(String pem, String setting) {
        if (pem == null || pem.isBlank()) {
            throw new ModuleStartupException(setting + " is not set", "Set " + setting + " to a PEM-encoded EC key");
        }
        var body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw unreadable(setting, "PEM (base64 between BEGIN and END lines)", e);
        }
    }

    private static ModuleStartupException unreadable(String setting, String expected, Exception cause) {
        return new ModuleStartupException(setting + " is not " + expected, "Set " + setting
                + " to a PEM-encoded EC P-256 key"
                + " (openssl ecparam -name prime256v1 -genkey | openssl pkcs8 -topk8 -nocrypt)",
                cause);
    }
}
