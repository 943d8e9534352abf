package io.edumatrix.platform.security;

/**
 * The roles a token can carry. {@link #PLATFORM_ADMIN} holds platform-wide; the others hold in the token's institution.
 * Spring Security sees each as the authority {@code ROLE_<name>}.
 */
public enum Role {
    PLATFORM_ADMIN,
    INSTITUTION_ADMIN,
    INSTRUCTOR,
    STUDENT;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean staff() {
        return this == INSTITUTION_ADMIN || this == INSTRUCTOR;
    }
}
