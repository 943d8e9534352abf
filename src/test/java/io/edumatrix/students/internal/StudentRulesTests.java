package io.edumatrix.students.internal;

import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.edumatrix.platform.testing.UnitTest;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who changes a profile or a post, and who follows whom: the rules of {@link Profile} and {@link Post}. */
@UnitTest
class StudentRulesTests {

    private static final UUID INSTITUTION = UUID.randomUUID();
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final Instant THEN = Instant.parse("2030-03-01T12:00:00Z");

    private static Profile profileOf(UUID accountId) {
        return new Profile(UUID.randomUUID(), 0L, INSTITUTION, accountId, new byte[0], new byte[0], "Physics", 2031,
                THEN, THEN);
    }

    private static Post postBy(UUID accountId) {
        return new Post(UUID.randomUUID(), 0L, INSTITUTION, UUID.randomUUID(), accountId, new byte[0], THEN, THEN);
    }

    @Test
    void only_its_owner_changes_a_profile_as_of_the_version_they_read() {
        var profile = profileOf(OWNER);

        refusal(() -> profile.requireChangeableBy(OTHER, 0), StudentsProblems.FORBIDDEN);
        refusal(() -> profile.requireChangeableBy(OWNER, 2), PlatformProblems.CONCURRENT_UPDATE);
        assertThatCode(() -> profile.requireChangeableBy(OWNER, 0)).doesNotThrowAnyException();
    }

    @Test
    void a_profile_does_not_follow_itself() {
        var profile = profileOf(OWNER);

        refusal(() -> profile.requireMayFollow(profile), StudentsProblems.SELF_FOLLOW);
        assertThatCode(() -> profile.requireMayFollow(profileOf(OTHER))).doesNotThrowAnyException();
    }

    @Test
    void only_its_author_edits_or_deletes_a_post() {
        var post = postBy(OWNER);

        refusal(() -> post.requireAuthor(OTHER), StudentsProblems.FORBIDDEN);
        refusal(() -> post.requireEditableBy(OTHER, 0), StudentsProblems.FORBIDDEN);
        refusal(() -> post.requireEditableBy(OWNER, 1), PlatformProblems.CONCURRENT_UPDATE);
        assertThatCode(() -> post.requireEditableBy(OWNER, 0)).doesNotThrowAnyException();
    }
}
