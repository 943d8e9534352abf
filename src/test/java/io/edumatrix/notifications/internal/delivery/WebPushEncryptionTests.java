package io.edumatrix.notifications.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.testing.UnitTest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Web Push message encryption against RFC 8291's own example (Appendix A), and against the browser's side of the
 * protocol as the test push service implements it independently.
 */
@UnitTest
class WebPushEncryptionTests {

    // RFC 8291, Appendix A.
    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AS_PUBLIC =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String AUTH_SECRET = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vC"
            + "YLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qul"
            + "cy4a-fN";

    @Test
    void with_the_rfcs_keys_and_salt_the_message_is_the_rfcs_byte_for_byte() throws GeneralSecurityException {
        var serverKeys = new KeyPair(TestPushService.publicKey(bytes(AS_PUBLIC)),
                TestPushService.privateKey(bytes(AS_PRIVATE)));

        var body = WebPushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), bytes(UA_PUBLIC),
                bytes(AUTH_SECRET), serverKeys, bytes(SALT));

        assertThat(TestPushService.base64url(body)).isEqualTo(BODY);
    }

    @Test
    void the_test_push_services_decryption_reads_the_rfcs_message() throws GeneralSecurityException {
        var plaintext = TestPushService.decrypt(bytes(BODY), TestPushService.privateKey(bytes(UA_PRIVATE)),
                bytes(UA_PUBLIC), bytes(AUTH_SECRET));

        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
    }

    @Test
    void a_message_with_a_fresh_key_and_salt_decrypts_with_the_browsers_private_key_only() throws Exception {
        try (var service = new TestPushService()) {
            var browser = service.newBrowser("a");
            var other = service.newBrowser("b");
            var payload = "{\"category\":\"MENTION\"}".getBytes(StandardCharsets.UTF_8);

            var first = WebPushEncryption.encrypt(payload, browser.publicKey(), browser.authSecret());
            var second = WebPushEncryption.encrypt(payload, browser.publicKey(), browser.authSecret());

            assertThat(TestPushService.decrypt(first, browser.privateKey(), browser.publicKey(), browser.authSecret()))
                    .isEqualTo(payload);
            assertThat(Arrays.copyOf(first, 16)).as("salts").isNotEqualTo(Arrays.copyOf(second, 16));
            assertThatThrownBy(() -> TestPushService.decrypt(first, other.privateKey(), other.publicKey(),
                    other.authSecret())).isInstanceOf(GeneralSecurityException.class);
        }
    }

    @Test
    void a_key_that_is_no_uncompressed_point_on_p256_is_refused() {
        var onCurve = bytes(UA_PUBLIC);
        var offCurve = onCurve.clone();
        offCurve[64] ^= 1;
        var compressed = Arrays.copyOf(onCurve, 33);
        compressed[0] = 2;

        assertThatThrownBy(() -> WebPushEncryption.publicKey(offCurve)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> WebPushEncryption.publicKey(compressed)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void a_payload_beyond_one_record_is_refused() {
        assertThatThrownBy(() -> WebPushEncryption.encrypt(new byte[WebPushEncryption.MAX_PAYLOAD + 1],
                bytes(UA_PUBLIC), bytes(AUTH_SECRET))).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String base64url) {
        return Base64.getUrlDecoder().decode(base64url);
    }
}
