package io.edumatrix.platform.security;

/**
 * The roles a token can carry. {@link #PLATFORM_ADMIN} holds platform-wide; the others hold in the token's institution.
 * Spring Security sees each as the authority {@code ROLE_<name>}.
 */
public enum Role {
    PLATFORM_ADMIN,
    INSTITUTION_ADMIN,
    INSTRUCTOR,
    STUDENT,
    /** Another EduMatrix process calling a module's internal binding (ADR 0035); never held by a person. */
    SERVICE;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean staff() {
        return this == INSTITUTION_ADMIN || this == INSTRUCTOR;
    }
}
