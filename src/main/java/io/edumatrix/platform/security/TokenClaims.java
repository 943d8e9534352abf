package io.edumatrix.platform.security;

/**
 * The claims of an EduMatrix access token, beyond the registered ones ({@code sub} = account id, {@code iss},
 * {@code iat}, {@code exp}, {@code jti}). The issuer (the identity module) and every verifier use these names.
 */
public final class TokenClaims {

    /** The institution the token is scoped to; absent for a token of no institution. */
    public static final String INSTITUTION = "institution_id";
    /** The {@link Role} names held: in the token's institution, plus {@code PLATFORM_ADMIN} where held. */
    public static final String ROLES = "roles";
    /** The session (refresh-token family) the token was issued in; logging out revokes it. */
    public static final String SESSION = "sid";

    private TokenClaims() {}
}
