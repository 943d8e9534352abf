package io.edumatrix.identity.internal.accounts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface AccountRepository extends ListCrudRepository<StoredAccount, UUID> {

    /** By the unique blind index of the lower-cased email ({@link AccountSealing#emailIndex}). */
    @Query("SELECT * FROM account WHERE email_index = :emailIndex")
    Optional<StoredAccount> findByEmailIndex(byte[] emailIndex);
}
