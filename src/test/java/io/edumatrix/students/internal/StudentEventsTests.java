package io.edumatrix.students.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import io.edumatrix.students.StudentFollowed;
import io.edumatrix.students.StudentPostPublished;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The module's events, as its services publish them in the caller's institution: one {@link StudentFollowed} per new
 * follow (none for a repeated one), one {@link StudentPostPublished} per post (none for an edit).
 */
@HttpApplicationTest
@RecordApplicationEvents
@IntegrationTest
class StudentEventsTests {

    private final ProfileService profiles;
    private final PostService posts;

    StudentEventsTests(@Autowired ProfileService profiles, @Autowired PostService posts) {
        this.profiles = profiles;
        this.posts = posts;
    }

    @Test
    void a_new_follow_and_a_new_post_are_announced_once_with_their_ids_and_institution(ApplicationEvents events) {
        var institution = UUID.randomUUID();
        var follower = UUID.randomUUID();
        var author = UUID.randomUUID();

        var post = TenantContext.inInstitution(institution, () -> {
            profiles.create(institution, follower, "Follower", null, null, null);
            var followed = profiles.create(institution, author, "Author", null, null, null);
            profiles.follow(follower, followed.id());
            profiles.follow(follower, followed.id());
            var published = posts.publish(author, "Hello");
            posts.edit(published.id(), author, published.version(), "Hello again");
            return published;
        });

        assertThat(events.stream(StudentFollowed.class)).singleElement().satisfies(event -> {
            assertThat(event.version()).isEqualTo(StudentFollowed.VERSION).isEqualTo(1);
            assertThat(event.institutionId()).isEqualTo(institution);
            assertThat(event.followedProfileId()).isEqualTo(post.authorProfileId());
            assertThat(event.followerProfileId()).isNotEqualTo(post.authorProfileId());
        });
        assertThat(events.stream(StudentPostPublished.class)).singleElement().satisfies(event -> {
            assertThat(event.version()).isEqualTo(StudentPostPublished.VERSION).isEqualTo(1);
            assertThat(event.institutionId()).isEqualTo(institution);
            assertThat(event.postId()).isEqualTo(post.id());
            assertThat(event.authorProfileId()).isEqualTo(post.authorProfileId());
            assertThat(event.authorAccountId()).isEqualTo(author);
        });
    }
}
