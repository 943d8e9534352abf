package io.edumatrix.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.testing.UnitTest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * {@link BearerTokens} resolves exactly what Spring Security's {@link DefaultBearerTokenResolver} (with its defaults)
 * resolves, and refuses exactly what it refuses, with the same error: on hand-picked headers and on generated ones
 * built from the scheme's spellings and the characters that matter.
 */
@UnitTest
class BearerTokensTests {

    private final BearerTokens tokens = new BearerTokens();
    private final DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();

    @Test
    void hand_picked_headers_resolve_as_spring_securitys_resolver_resolves_them() {
        for (var header : new String[] {null, "", "Basic abc", "Bearer", "Bearer ", "bearer abc", "BEARER a.b-c_d~e+f/g==",
                "Bearer abc=", "Bearer =", "Bearer a=b", "Bearer  abc", "Bearer\tabc", "Bearer abc ", "Bearer abc\n",
                "Bearerabc", "bearer\u00e9", "Bearer a\u00e9", "Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"}) {
            assertSameOutcome(header);
        }
    }

    @Test
    void generated_headers_resolve_as_spring_securitys_resolver_resolves_them() {
        String[] schemes = {"Bearer ", "bearer ", "BEARER ", "BeArEr ", "Bearer", "Bearer  ", "Bearer\t", "Beare ",
                "Basic ", "", "bearer", "Bearer\u00a0"};
        char[] characters = "aZ09-._~+/= \t\n\u00e9\u0130*%".toCharArray();
        var random = new Random(25);
        for (int i = 0; i < 50_000; i++) {
            var header = new StringBuilder(schemes[random.nextInt(schemes.length)]);
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                header.append(characters[random.nextInt(characters.length)]);
            }
            assertSameOutcome(header.toString());
        }
    }

    @Test
    void a_token_in_the_query_is_ignored_as_by_default() {
        var request = new MockHttpServletRequest("GET", "/api/courses");
        request.setParameter("access_token", "abc");
        assertThat(tokens.resolve(request)).isNull();
        assertThat(reference.resolve(request)).isNull();
    }

    private void assertSameOutcome(String header) {
        var request = new MockHttpServletRequest("GET", "/api/courses/1");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        String expected;
        try {
            expected = reference.resolve(request);
        } catch (OAuth2AuthenticationException refused) {
            assertThatThrownBy(() -> tokens.resolve(request)).as("header [%s]", header)
                    .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                        assertThat(e.getError().getErrorCode()).isEqualTo(refused.getError().getErrorCode());
                        assertThat(e.getError().getDescription()).isEqualTo(refused.getError().getDescription());
                    });
            return;
        }
        assertThat(tokens.resolve(request)).as("header [%s]", header).isEqualTo(expected);
    }
}
