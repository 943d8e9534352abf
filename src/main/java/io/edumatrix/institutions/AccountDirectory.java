package io.edumatrix.institutions;

import java.util.Optional;
import java.util.UUID;

/**
 * What the institutions module needs to know about accounts, to add a member by email (and courses, to name a
 * certificate's holder; notifications, to mail a member). It is declared here and
 * implemented by the identity module, so identity depends on institutions and not the other way round.
 */
public interface AccountDirectory {

    /** The id of the active account with this email, compared without regard to case. */
    Optional<UUID> findAccountIdByEmail(String email);

    /** The display name of the account, for a certificate it holds; none for an account that is no more (or erased). */
    Optional<String> displayNameOf(UUID accountId);

    /**
     * The email address of the active account once verified, for mail it asked for; none for an unverified address
     * (nobody is mailed on the word of whoever typed it in), nor for an account that is no more (or erased).
     */
    Optional<String> verifiedEmailOf(UUID accountId);
}
