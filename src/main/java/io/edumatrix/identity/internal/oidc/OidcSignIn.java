package io.edumatrix.identity.internal.oidc;

import io.edumatrix.identity.internal.IdentityProblems;
import io.edumatrix.identity.internal.SecretTokens;
import io.edumatrix.identity.internal.Views.TokenPair;
import io.edumatrix.identity.internal.accounts.Passwords;
import io.edumatrix.identity.internal.sessions.Login;
import io.edumatrix.platform.domain.DomainException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Sign-in with an OpenID Connect provider configured as a Spring Security client registration
 * ({@code spring.security.oauth2.client.registration.<id>.*}, scope {@code openid}), for an API client: the client
 * asks where to send the person ({@link #start}), the provider sends them back to the client's redirect URI with a
 * code and the state, and the client hands both over ({@link #complete}). Spring Security exchanges the code and
 * checks the ID token (signature against the provider's keys, issuer, audience, expiry); the nonce is checked here,
 * against the one of the sign-in the state names. Any failure is a problem and changes nothing but using up the state.
 */
@Component
class OidcSignIn {

    /** Where the client sends the person, and the state it will get back. */
    record Start(String authorizationUri, String state) {}

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final OidcAccounts accounts;
    private final Passwords passwords;
    private final Login login;
    private final RestClientAuthorizationCodeTokenResponseClient tokenClient =
            new RestClientAuthorizationCodeTokenResponseClient();
    private final OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();
    private final Map<String, JwtDecoder> decoderCache = new ConcurrentHashMap<>();
    private final Environment environment;
    private volatile Map<String, ClientRegistration> configured;

    OidcSignIn(ObjectProvider<ClientRegistrationRepository> registrations, OidcAccounts accounts, Passwords passwords,
            Login login, Environment environment) {
        this.registrations = registrations;
        this.environment = environment;
        this.accounts = accounts;
        this.passwords = passwords;
        this.login = login;
    }

    Start start(String registrationId) {
        var registration = registration(registrationId);
        var state = SecretTokens.generate();
        var nonce = SecretTokens.generate();
        accounts.begin(registrationId, state, nonce);
        return new Start(authorizationRequest(registration, state, nonce).getAuthorizationRequestUri(), state);
    }

    TokenPair complete(String registrationId, String code, String state) {
        var registration = registration(registrationId);
        var nonce = accounts.claim(registrationId, state);
        var idToken = idToken(registration, code, state, nonce);
        if (!nonce.equals(idToken.getClaimAsString(OidcParameterNames.NONCE))) {
            throw failed("The ID token's nonce is not the sign-in's");
        }
        var claims = new OidcAccounts.Claims(idToken.getSubject(), idToken.getClaimAsString("email"),
                Boolean.TRUE.equals(idToken.getClaimAsBoolean("email_verified")), idToken.getClaimAsString("name"));
        // Hashed only when an account is created: a password nobody knows, until a reset sets one.
        var accountId = accounts.accountFor(registrationId, claims, () -> passwords.hash(SecretTokens.generate()));
        return login.loginLinked(accountId);
    }

    private Jwt idToken(ClientRegistration registration, String code, String state, String nonce) {
        var request = authorizationRequest(registration, state, nonce);
        var response = OAuth2AuthorizationResponse.success(code).redirectUri(request.getRedirectUri()).state(state).build();
        try {
            var tokens = tokenClient.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
                    new OAuth2AuthorizationExchange(request, response)));
            var idToken = tokens.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
            if (!(idToken instanceof String value)) {
                throw failed("The provider answered no ID token");
            }
            return decoderCache.computeIfAbsent(registration.getRegistrationId(),
                    id -> decoders.createDecoder(registration)).decode(value);
        } catch (OAuth2AuthorizationException | OAuth2AuthenticationException | JwtException | RestClientException e) {
            throw failed("The provider's answer was refused: " + e.getMessage());
        }
    }

    private static OAuth2AuthorizationRequest authorizationRequest(ClientRegistration registration, String state,
            String nonce) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(registration.getRedirectUri().replace("{registrationId}", registration.getRegistrationId()))
                .scopes(registration.getScopes())
                .state(state)
                .additionalParameters(Map.of(OidcParameterNames.NONCE, nonce))
                .attributes(Map.of(OAuth2ParameterNames.REGISTRATION_ID, registration.getRegistrationId()))
                .build();
    }

    private ClientRegistration registration(String registrationId) {
        if (registrationId.isBlank()) {
            // Spring Security's repository refuses a blank id with an exception of its own; none is configured.
            throw DomainException.notFound("Identity provider", registrationId);
        }
        var repository = registrations.getIfAvailable();
        var registration = repository != null ? repository.findByRegistrationId(registrationId)
                : configured().get(registrationId);
        if (registration == null || !Objects.requireNonNullElse(registration.getScopes(), java.util.Set.of())
                .contains("openid")) {
            throw DomainException.notFound("Identity provider", registrationId);
        }
        return registration;
    }

    /**
     * Boot makes the registrations only if the build saw them configured (a condition Spring AOT fixes at build time);
     * otherwise they are read here, from the same {@code spring.security.oauth2.client.*}, on first use (an issuer's
     * discovery document is fetched then, not at start-up).
     */
    private Map<String, ClientRegistration> configured() {
        var known = configured;
        if (known == null) {
            var properties = Binder.get(environment).bind("spring.security.oauth2.client", OAuth2ClientProperties.class)
                    .orElseGet(OAuth2ClientProperties::new);
            properties.validate();
            try {
                known = Map.copyOf(new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
            } catch (RuntimeException e) {
                throw new DomainException(IdentityProblems.OIDC_LOGIN_FAILED,
                        "The identity provider's configuration could not be read: " + e.getMessage());
            }
            configured = known;
        }
        return known;
    }

    static DomainException failed(String why) {
        return new DomainException(IdentityProblems.OIDC_LOGIN_FAILED, why);
    }
}
