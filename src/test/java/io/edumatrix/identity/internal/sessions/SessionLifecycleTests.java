package io.edumatrix.identity.internal.sessions;

import io.edumatrix.identity.internal.SecretTokens;
import static io.edumatrix.identity.internal.IdentityFixtures.PASSWORD;
import static io.edumatrix.identity.internal.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edumatrix.identity.internal.IdentityFixtures;
import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.Views.MembershipView;
import io.edumatrix.identity.internal.Views.TokenPair;
import io.edumatrix.identity.internal.accounts.AccountController;
import io.edumatrix.identity.internal.accounts.AccountRegistration;
import io.edumatrix.institutions.InstitutionsApi;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Logins, token contents, refresh rotation and theft detection, institution switches and logout, against the
 * application's services and the JwtDecoder the security filter chain uses. The endpoints reading the caller's token
 * are called with a decoded token, as the filter chain hands it to them.
 */
@HttpApplicationTest
@IntegrationTest
class SessionLifecycleTests {

    @Autowired
    private AccountRegistration registration;
    @Autowired
    private Login login;
    @Autowired
    private Sessions sessions;
    @Autowired
    private JwtDecoder decoder;
    @Autowired
    private SessionController sessionController;
    @Autowired
    private AccountController accountController;
    private final InstitutionsApi institutions;

    /** The other module's API by constructor, as Spring Modulith wants dependencies between modules. */
    SessionLifecycleTests(@Autowired InstitutionsApi institutions) {
        this.institutions = institutions;
    }

    @Test
    void a_login_issues_an_es256_access_token_with_the_account_its_only_institution_its_role_and_the_session() {
        var account = registration.register(uniqueEmail(), "Ada", PASSWORD);
        var institution = IdentityFixtures.institutionWithMember(account.id(), Role.STUDENT);

        var pair = login.login(account.email().toUpperCase(), PASSWORD, Optional.empty());
        var jwt = decoder.decode(pair.accessToken());

        assertThat(pair.expiresIn()).isEqualTo(900);
        assertThat(pair.tokenType()).isEqualTo("Bearer");
        assertThat(jwt.getHeaders()).containsEntry("alg", "ES256").containsKey("kid");
        assertThat(jwt.getSubject()).isEqualTo(account.id().toString());
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("edumatrix");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(jwt.getIssuedAt()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
        assertThat(jwt.getClaimAsString("institution_id")).isEqualTo(institution.toString());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("STUDENT");
        assertThat(UUID.fromString(jwt.getClaimAsString("sid"))).isNotNull();
    }

    @Test
    void with_several_memberships_the_login_is_scoped_to_the_institution_asked_for_or_to_none() {
        var account = registration.register(uniqueEmail(), "Grace", PASSWORD);
        IdentityFixtures.institutionWithMember(account.id(), Role.STUDENT);
        var teaching = IdentityFixtures.institutionWithMember(account.id(), Role.INSTRUCTOR);

        var scoped = decoder.decode(login.login(account.email(), PASSWORD, Optional.of(teaching)).accessToken());
        var unscoped = decoder.decode(login.login(account.email(), PASSWORD, Optional.empty()).accessToken());

        assertThat(scoped.getClaimAsString("institution_id")).isEqualTo(teaching.toString());
        assertThat(scoped.getClaimAsStringList("roles")).containsExactly("INSTRUCTOR");
        assertThat(unscoped.hasClaim("institution_id")).isFalse();
        assertThat(unscoped.getClaimAsStringList("roles")).isEmpty();
    }

    @Test
    void a_login_into_an_institution_the_account_does_not_belong_to_is_refused_as_not_a_member() {
        var account = registration.register(uniqueEmail(), "Alan", PASSWORD);
        var other = IdentityFixtures.institutionWithMember(registration.register(uniqueEmail(), "Other", PASSWORD).id(),
                Role.STUDENT);

        assertThatThrownBy(() -> login.login(account.email(), PASSWORD, Optional.of(other)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.type()).isEqualTo(IdentityProblems.NOT_A_MEMBER));
    }

    @Test
    void a_platform_administrator_carries_the_platform_admin_role_beside_the_institution_role() {
        var admin = registration.registerPlatformAdmin(uniqueEmail(), "Root", PASSWORD);
        IdentityFixtures.institutionWithMember(admin.id(), Role.INSTITUTION_ADMIN);

        var jwt = decoder.decode(login.login(admin.email(), PASSWORD, Optional.empty()).accessToken());

        assertThat(jwt.getClaimAsStringList("roles")).containsExactlyInAnyOrder("INSTITUTION_ADMIN", "PLATFORM_ADMIN");
    }

    @Test
    void a_refresh_issues_a_new_pair_in_the_same_session_with_roles_read_again_and_the_old_refresh_token_stops_working() {
        var account = registration.register(uniqueEmail(), "Edsger", PASSWORD);
        var first = login.login(account.email(), PASSWORD, Optional.empty());
        var institution = IdentityFixtures.institutionWithMember(account.id(), Role.STUDENT);

        var second = sessions.refresh(first.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        var jwt = decoder.decode(second.accessToken());
        assertThat(jwt.getClaimAsString("sid")).isEqualTo(decoder.decode(first.accessToken()).getClaimAsString("sid"));
        assertThat(jwt.getClaimAsString("institution_id")).isEqualTo(institution.toString());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("STUDENT");
        assertThat(sessions.refresh(second.refreshToken()).accessToken()).isNotBlank();
    }

    @Test
    void presenting_a_rotated_refresh_token_again_ends_the_whole_session_even_its_newest_tokens() {
        var account = registration.register(uniqueEmail(), "Barbara", PASSWORD);
        var stolen = login.login(account.email(), PASSWORD, Optional.empty());
        var legitimate = sessions.refresh(stolen.refreshToken());

        assertRefused(() -> sessions.refresh(stolen.refreshToken()));

        assertRefused(() -> sessions.refresh(legitimate.refreshToken()));
        assertThatThrownBy(() -> decoder.decode(legitimate.accessToken())).isInstanceOf(JwtException.class)
                .hasMessageContaining("session");
    }

    @Test
    void of_two_simultaneous_refreshes_with_one_token_at_most_one_succeeds() throws Exception {
        var account = registration.register(uniqueEmail(), "Tony", PASSWORD);
        var pair = login.login(account.email(), PASSWORD, Optional.empty());

        Callable<TokenPair> refresh = () -> sessions.refresh(pair.refreshToken());
        var outcomes = new ArrayList<Object>();
        try (var executor = Executors.newFixedThreadPool(2)) {
            var futures = List.of(executor.submit(refresh), executor.submit(refresh));
            for (var future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        }

        assertThat(outcomes).filteredOn(TokenPair.class::isInstance).hasSizeLessThanOrEqualTo(1);
        assertThat(outcomes).filteredOn(DomainException.class::isInstance)
                .allSatisfy(e -> assertThat(((DomainException) e).type()).isEqualTo(IdentityProblems.INVALID_REFRESH_TOKEN))
                .isNotEmpty();
    }

    @Test
    void an_expired_or_unknown_refresh_token_is_refused() {
        var account = registration.register(uniqueEmail(), "Donald", PASSWORD);
        var pair = login.login(account.email(), PASSWORD, Optional.empty());
        IdentityFixtures.expireRefreshTokensOf(account.id());

        assertRefused(() -> sessions.refresh(pair.refreshToken()));
        assertRefused(() -> sessions.refresh(SecretTokens.generate()));
    }

    @Test
    void logging_out_ends_the_session_its_access_tokens_and_its_refresh_token() {
        var account = registration.register(uniqueEmail(), "Frances", PASSWORD);
        var pair = login.login(account.email(), PASSWORD, Optional.empty());
        var other = login.login(account.email(), PASSWORD, Optional.empty());

        sessionController.logOut(authenticated(decoder.decode(pair.accessToken())));

        assertThatThrownBy(() -> decoder.decode(pair.accessToken())).isInstanceOf(JwtException.class);
        assertRefused(() -> sessions.refresh(pair.refreshToken()));
        assertThat(decoder.decode(other.accessToken()).getSubject()).as("another session of the account")
                .isEqualTo(account.id().toString());
    }

    @Test
    void switching_institution_scopes_a_new_pair_in_the_same_session_to_another_institution_of_the_account() {
        var account = registration.register(uniqueEmail(), "Margaret", PASSWORD);
        var first = IdentityFixtures.institutionWithMember(account.id(), Role.STUDENT);
        var second = IdentityFixtures.institutionWithMember(account.id(), Role.INSTRUCTOR);
        var stranger = IdentityFixtures.institutionWithMember(registration.register(uniqueEmail(), "X", PASSWORD).id(),
                Role.STUDENT);
        var pair = login.login(account.email(), PASSWORD, Optional.of(first));
        var token = authenticated(decoder.decode(pair.accessToken()));

        var switched = sessionController.switchInstitution(token, new SessionController.SwitchInstitution(second));

        var jwt = decoder.decode(switched.accessToken());
        assertThat(jwt.getClaimAsString("institution_id")).isEqualTo(second.toString());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("INSTRUCTOR");
        assertThat(jwt.getClaimAsString("sid")).isEqualTo(token.getClaimAsString("sid"));
        assertThat(decoder.decode(sessions.refresh(switched.refreshToken()).accessToken())
                .getClaimAsString("institution_id")).isEqualTo(second.toString());
        assertThatThrownBy(() -> sessionController.switchInstitution(token,
                new SessionController.SwitchInstitution(stranger)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.type()).isEqualTo(IdentityProblems.NOT_A_MEMBER));
    }

    @Test
    void the_current_account_reads_itself_with_every_membership() {
        var account = registration.register(uniqueEmail(), "Katherine", PASSWORD);
        var first = IdentityFixtures.institutionWithMember(account.id(), Role.STUDENT);
        var second = IdentityFixtures.institutionWithMember(account.id(), Role.INSTITUTION_ADMIN);
        var jwt = authenticated(decoder.decode(login.login(account.email(), PASSWORD, Optional.of(first)).accessToken()));

        var me = accountController.me(jwt);

        assertThat(me.id()).isEqualTo(account.id());
        assertThat(me.email()).isEqualTo(account.email());
        assertThat(me.displayName()).isEqualTo("Katherine");
        assertThat(me.memberships()).containsExactlyInAnyOrder(
                new MembershipView(first, Role.STUDENT),
                new MembershipView(second, Role.INSTITUTION_ADMIN));
    }

    private static void assertRefused(Runnable refresh) {
        assertThatThrownBy(refresh::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.type()).isEqualTo(IdentityProblems.INVALID_REFRESH_TOKEN));
    }

    /** The controllers' access rules are checked: the call is made as the token's caller, as the filter chain would. */
    private static Jwt authenticated(Jwt jwt) {
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, java.util.List.of(), jwt.getSubject()));
        return jwt;
    }

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }
}
