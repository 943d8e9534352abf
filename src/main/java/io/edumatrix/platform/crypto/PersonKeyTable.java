package io.edumatrix.platform.crypto;

import io.edumatrix.platform.Times;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** A module's table {@code person_key}: each data subject's key, wrapped under one key of the module's keyset. */
final class PersonKeyTable {

    /** A person key as stored: wrapped, and the id of the module key that wrapped it. */
    record WrappedPersonKey(UUID subject, byte[] wrapped, long wrappedBy) {}

    /** How many person keys the module holds, and how many of them are still wrapped under an older key. */
    record Counts(long total, long underOlderKeys) {}

    private final NamedParameterJdbcTemplate jdbc;

    PersonKeyTable(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WrappedPersonKey> find(UUID subject) {
        return jdbc.query("SELECT subject_id, wrapped_key, wrapped_by FROM person_key WHERE subject_id = :subject",
                Map.of("subject", subject), (row, i) -> new WrappedPersonKey(row.getObject(1, UUID.class),
                        row.getBytes(2), row.getLong(3))).stream().findFirst();
    }

    /** False when the subject has a key already, perhaps one another transaction has just created. */
    boolean insertIfAbsent(WrappedPersonKey key) {
        return jdbc.update("INSERT INTO person_key (subject_id, wrapped_key, wrapped_by, created_at)"
                + " VALUES (:subject, :wrapped, :wrappedBy, :now) ON CONFLICT (subject_id) DO NOTHING",
                Map.of("subject", key.subject(), "wrapped", key.wrapped(), "wrappedBy", key.wrappedBy(),
                        "now", Timestamp.from(Times.now()))) == 1;
    }

    void delete(UUID subject) {
        jdbc.update("DELETE FROM person_key WHERE subject_id = :subject", Map.of("subject", subject));
    }

    /**
     * Up to {@code limit} keys not wrapped under {@code primary}, locked until the transaction ends; rows another
     * instance has locked are skipped, so several instances share the work without waiting on each other.
     */
    List<WrappedPersonKey> lockWrappedUnderOtherThan(long primary, int limit) {
        return jdbc.query("SELECT subject_id, wrapped_key, wrapped_by FROM person_key WHERE wrapped_by <> :primary"
                + " LIMIT :limit FOR UPDATE SKIP LOCKED", Map.of("primary", primary, "limit", limit),
                (row, i) -> new WrappedPersonKey(row.getObject(1, UUID.class), row.getBytes(2), row.getLong(3)));
    }

    void replace(WrappedPersonKey key) {
        jdbc.update("UPDATE person_key SET wrapped_key = :wrapped, wrapped_by = :wrappedBy, rewrapped_at = :now"
                + " WHERE subject_id = :subject", Map.of("subject", key.subject(), "wrapped", key.wrapped(),
                "wrappedBy", key.wrappedBy(), "now", Timestamp.from(Times.now())));
    }

    Counts counts(long primary) {
        return jdbc.queryForObject("SELECT count(*), count(*) FILTER (WHERE wrapped_by <> :primary) FROM person_key",
                Map.of("primary", primary), (row, i) -> new Counts(row.getLong(1), row.getLong(2)));
    }
}
