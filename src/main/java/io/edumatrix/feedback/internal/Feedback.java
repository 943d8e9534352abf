package io.edumatrix.feedback.internal;

import io.edumatrix.feedback.SubjectType;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.domain.StateMachine;
import io.edumatrix.platform.privacy.SealedColumn;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A rating with its optional comment, as stored: the comment is ciphertext sealed for the author's account. Rows are
 * written by the repository's statements (an upsert, a conditional status change), never saved whole, so that two
 * submissions or two moderators at once cannot lose one another's change.
 */
@Table("feedback")
class Feedback {

    /** Whether others see the comment. The rating counts either way. */
    enum Status {
        VISIBLE,
        HIDDEN
    }

    static final StateMachine<Status> MODERATION = StateMachine.of(Status.class).named("feedback")
            .allow(Status.VISIBLE, Status.HIDDEN)
            .allow(Status.HIDDEN, Status.VISIBLE)
            .build();

    /** The subject id stored for {@link SubjectType#PLATFORM}, which has none. */
    static final UUID PLATFORM = new UUID(0, 0);

    /** The sealed column, named in the associated data of its values. */
    static final SealedColumn COMMENT = SealedColumn.of("feedback", "comment");

    @Id
    private final UUID id;
    @Version
    private final Long version;
    private final UUID institutionId;
    private final SubjectType subjectType;
    private final UUID subjectId;
    private final UUID authorAccountId;
    private final int rating;
    private final byte[] comment;
    private final Status status;
    private final Instant createdAt;
    private final Instant updatedAt;

    @PersistenceCreator
    Feedback(UUID id, Long version, UUID institutionId, SubjectType subjectType, UUID subjectId, UUID authorAccountId,
            int rating, byte[] comment, Status status, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.institutionId = institutionId;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.authorAccountId = authorAccountId;
        this.rating = rating;
        this.comment = comment;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /**
     * The subject id to store for a subject named by {@code type} and {@code subjectId}: the platform has none (the nil
     * UUID is stored), every other subject needs one. Whether that subject exists is for its module to say.
     */
    static UUID storedSubjectId(SubjectType type, UUID subjectId) {
        if (type == SubjectType.PLATFORM) {
            if (subjectId != null) {
                throw invalidSubjectId("must be absent for PLATFORM");
            }
            return PLATFORM;
        }
        if (subjectId == null) {
            throw invalidSubjectId("is required for " + type);
        }
        return subjectId;
    }

    /**
     * A course is rated only by its learners: an author enrolled in it now or who completed it
     * ({@code authorIsLearner}). The platform and job postings are rated by any member of the institution.
     */
    static void requireAuthorMayRate(SubjectType type, UUID subjectId, UUID authorAccountId, boolean authorIsLearner) {
        if (type == SubjectType.COURSE && !authorIsLearner) {
            throw FeedbackProblems.NOT_A_LEARNER.exception("Account " + authorAccountId + " is not enrolled in course "
                    + subjectId + " and has not completed it, so it cannot rate it");
        }
    }

    /** A moderator hides or shows the comment again, as of the version they read ({@code expectedVersion}, optional). */
    void requireModeratedTo(Status target, Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(version)) {
            throw changedMeanwhile();
        }
        MODERATION.check(status, target);
    }

    DomainException changedMeanwhile() {
        return PlatformProblems.CONCURRENT_UPDATE.exception(
                "Feedback " + id + " was changed meanwhile; it was at version " + version);
    }

    /** The comment is shown to everyone while visible, and always to its author and to moderators. */
    boolean showsCommentTo(UUID readerAccountId, boolean moderator) {
        return status == Status.VISIBLE || authorAccountId.equals(readerAccountId) || moderator;
    }

    private static DomainException invalidSubjectId(String message) {
        return PlatformProblems.INVALID_REQUEST.exception("The request has an invalid subjectId")
                .with("errors", List.of(Map.of("field", "subjectId", "message", message)));
    }

    /** The subject id as the API shows it: none for the platform. */
    UUID publicSubjectId() {
        return subjectType == SubjectType.PLATFORM ? null : subjectId;
    }

    UUID id() { return id; }
    Long version() { return version; }
    UUID institutionId() { return institutionId; }
    SubjectType subjectType() { return subjectType; }
    UUID subjectId() { return subjectId; }
    UUID authorAccountId() { return authorAccountId; }
    int rating() { return rating; }
    byte[] comment() { return comment; }
    Status status() { return status; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
