package io.edumatrix.identity.internal.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface SigningKeyRepository extends Repository<StoredSigningKey, String> {

    String COLUMNS = "kid, public_jwk::text AS public_jwk, wrapped_private_key, state, created_at, superseded_at, retired_at,"
            + " master_key";

    /** Serializes key management across instances until the transaction ends. */
    @Query("SELECT true FROM pg_advisory_xact_lock(hashtext('identity.signing_key'))")
    boolean lockKeyManagement();

    @Query("SELECT " + COLUMNS + " FROM signing_key WHERE state = 'ACTIVE'")
    Optional<StoredSigningKey> findActive();

    @Query("SELECT " + COLUMNS + " FROM signing_key WHERE state <> 'RETIRED' ORDER BY created_at")
    List<StoredSigningKey> findPublished();

    /** Inserts the key as the active one unless another is active already; answers whether it did. */
    @Modifying
    @Query("INSERT INTO signing_key (kid, public_jwk, wrapped_private_key, master_key, state, created_at)"
            + " VALUES (:kid, CAST(:publicJwk AS jsonb), :wrappedPrivateKey, :masterKey, 'ACTIVE', :createdAt)"
            + " ON CONFLICT (state) WHERE state = 'ACTIVE' DO NOTHING")
    boolean insertActive(String kid, String publicJwk, byte[] wrappedPrivateKey, String masterKey, Instant createdAt);

    /** Keys of every state wrapped under another master key than {@code current}, locked; others' locked rows skipped. */
    @Query("SELECT " + COLUMNS + " FROM signing_key WHERE master_key IS DISTINCT FROM :current"
            + " ORDER BY kid LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<StoredSigningKey> lockWrappedUnderOtherThan(String current, int limit);

    @Modifying
    @Query("UPDATE signing_key SET wrapped_private_key = :wrappedPrivateKey, master_key = :masterKey WHERE kid = :kid")
    int replaceWrapping(String kid, byte[] wrappedPrivateKey, String masterKey);

    /** The master key fingerprint of every key (a handful), {@code unknown} for those wrapped before they were recorded. */
    @Query("SELECT coalesce(master_key, 'unknown') FROM signing_key")
    List<String> masterKeys();

    @Modifying
    @Query("UPDATE signing_key SET state = 'SUPERSEDED', superseded_at = :now WHERE state = 'ACTIVE'")
    int supersedeActive(Instant now);

    @Modifying
    @Query("UPDATE signing_key SET state = 'RETIRED', retired_at = :now"
            + " WHERE state = 'SUPERSEDED' AND superseded_at < :supersededBefore")
    int retireSupersededBefore(Instant supersededBefore, Instant now);
}
