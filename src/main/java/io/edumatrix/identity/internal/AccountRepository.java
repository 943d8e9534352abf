package io.edumatrix.identity.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, UUID> {

    /** Matches the unique index on lower(email), so it finds the one account whatever the letter case. */
    @Query("SELECT * FROM account WHERE lower(email) = lower(:email)")
    Optional<Account> findByEmail(String email);
}
