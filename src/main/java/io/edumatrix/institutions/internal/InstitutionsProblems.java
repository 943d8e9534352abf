package io.edumatrix.institutions.internal;

import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.ProblemType;

/** The ways a request to the institutions module can fail, besides an institution that does not exist. */
final class InstitutionsProblems {

    static final ProblemType DUPLICATE_CODE = ProblemType.conflict("duplicate-code");
    /** No account is registered with the email of a new member. */
    static final ProblemType UNKNOWN_ACCOUNT = ProblemType.ruleViolated("unknown-account");
    static final ProblemType ALREADY_MEMBER = ProblemType.conflict("already-member");
    /** The change would leave the institution without an admin. */
    static final ProblemType LAST_ADMIN = ProblemType.conflict("last-admin");

    private InstitutionsProblems() {}

    /** @param what "institution" or "department" */
    static DomainException duplicateCode(String what, String code) {
        return DUPLICATE_CODE.exception("Code '" + code + "' is already taken by another " + what);
    }
}
