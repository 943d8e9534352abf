package io.edumatrix.students.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ProfileRepository extends ListCrudRepository<Profile, UUID> {

    /** The account's profile in the current institution (row-level security admits no other). */
    @Query("SELECT * FROM profile WHERE account_id = :accountId")
    Optional<Profile> findByAccount(UUID accountId);

    /** One keyset page of the institution's profiles, in creation order. */
    @Query("SELECT * FROM profile WHERE id > :after ORDER BY id LIMIT :limit")
    List<Profile> findPage(UUID after, int limit);
}
