package io.edumatrix.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.testing.UnitTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A token becomes an authentication carrying the caller its claims name, read once per token: the same token again
 * gets a new authentication (Spring Security fills in each request's details) with the same caller, and
 * {@link Callers#current()} hands that caller out without reading the claims again. A token whose subject is not an
 * account id is refused every time it comes, not remembered.
 */
@UnitTest
class CallerAuthenticationConverterTests {

    private static final UUID ACCOUNT = UUID.fromString("01900000-0000-7000-8000-000000000001");
    private static final UUID INSTITUTION = UUID.fromString("01900000-0000-7000-8000-000000000002");
    private static final UUID SESSION = UUID.fromString("01900000-0000-7000-8000-000000000003");

    private final CallerAuthenticationConverter converter = new CallerAuthenticationConverter();

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_token_names_its_caller_and_roles_once_and_each_request_gets_an_authentication_of_its_own() {
        var jwt = token(ACCOUNT.toString(), "a.b.c");

        var first = (CallerAuthentication) converter.convert(jwt);
        var again = (CallerAuthentication) converter.convert(token(ACCOUNT.toString(), "a.b.c"));

        assertThat(first.caller()).isEqualTo(new Caller(ACCOUNT, Optional.of(INSTITUTION),
                Set.of(Role.INSTRUCTOR, Role.STUDENT), Optional.of(SESSION)));
        assertThat(first.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_INSTRUCTOR", "ROLE_STUDENT");
        assertThat(first.getName()).isEqualTo(ACCOUNT.toString());
        assertThat(again).isNotSameAs(first);
        assertThat(again.caller()).as("read once per token").isSameAs(first.caller());
    }

    @Test
    void the_current_caller_is_the_one_the_authentication_carries() {
        var authentication = (CallerAuthentication) converter.convert(token(ACCOUNT.toString(), "a.b.c"));
        SecurityContextHolder.getContext().setAuthentication(authentication);

        assertThat(Callers.current()).containsSame(authentication.caller());
    }

    @Test
    void an_authentication_made_elsewhere_from_a_token_still_names_its_caller() {
        var jwt = token(ACCOUNT.toString(), "x.y.z");
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of(), jwt.getSubject()));

        assertThat(Callers.current()).get().extracting(Caller::accountId).isEqualTo(ACCOUNT);
    }

    @Test
    void a_subject_that_is_not_an_account_id_is_refused_every_time() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> converter.convert(token("not-an-account", "d.e.f")))
                    .isInstanceOf(InvalidBearerTokenException.class)
                    .hasMessage("The token's subject is not an account id");
        }
    }

    private static Jwt token(String subject, String text) {
        var issued = Instant.parse("2026-12-07T10:00:00Z");
        return Jwt.withTokenValue(text)
                .header("alg", "ES256")
                .subject(subject)
                .claim(TokenClaims.INSTITUTION, INSTITUTION.toString())
                .claim(TokenClaims.ROLES, List.of("INSTRUCTOR", "STUDENT", "NO_SUCH_ROLE"))
                .claim(TokenClaims.SESSION, SESSION.toString())
                .issuedAt(issued)
                .expiresAt(issued.plusSeconds(900))
                .build();
    }
}
