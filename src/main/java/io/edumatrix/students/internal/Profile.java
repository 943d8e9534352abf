package io.edumatrix.students.internal;

import io.edumatrix.platform.Times;
import io.edumatrix.platform.privacy.SealedColumn;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A student's profile in one institution, as stored: headline and bio are ciphertext sealed for the account;
 * programme and graduation year are not personal enough to seal.
 */
@Table("profile")
class Profile {

    /** The sealed columns, named in the associated data of their values. */
    static final SealedColumn HEADLINE = SealedColumn.of("profile", "headline");
    static final SealedColumn BIO = SealedColumn.of("profile", "bio");

    @Id
    private final UUID id;
    @Version
    private Long version;
    private final UUID institutionId;
    private final UUID accountId;
    private byte[] headline;
    private byte[] bio;
    private String program;
    private Integer graduationYear;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Profile(UUID id, Long version, UUID institutionId, UUID accountId, byte[] headline, byte[] bio, String program,
            Integer graduationYear, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.accountId = accountId;
        this.headline = headline;
        this.bio = bio;
        this.program = program;
        this.graduationYear = graduationYear;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    void reseal(byte[] newHeadline, byte[] newBio) {
        headline = newHeadline;
        bio = newBio;
    }

    void study(String newProgram, Integer newGraduationYear) {
        program = newProgram;
        graduationYear = newGraduationYear;
    }

    /** Only its owner changes a profile, as of the version they read. */
    void requireChangeableBy(UUID changingAccountId, long expectedVersion) {
        if (!accountId.equals(changingAccountId)) {
            throw StudentsProblems.FORBIDDEN.exception("Only its owner changes a profile");
        }
        if (version != expectedVersion) {
            throw PlatformProblems.CONCURRENT_UPDATE.exception(
                    "Profile " + id + " is at version " + version + ", not " + expectedVersion);
        }
    }

    /** A profile does not follow itself. */
    void requireMayFollow(Profile followed) {
        if (id.equals(followed.id)) {
            throw StudentsProblems.SELF_FOLLOW.exception("A profile cannot follow itself");
        }
    }

    void touch() {
        updatedAt = Times.now();
    }

    UUID id() { return id; }
    Long version() { return version; }
    UUID institutionId() { return institutionId; }
    UUID accountId() { return accountId; }
    byte[] headline() { return headline; }
    byte[] bio() { return bio; }
    String program() { return program; }
    Integer graduationYear() { return graduationYear; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
