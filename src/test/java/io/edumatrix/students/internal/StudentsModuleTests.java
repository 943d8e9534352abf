package io.edumatrix.students.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.students.StudentFollowed;
import io.edumatrix.students.StudentPostPublished;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/**
 * The students module on its own: Spring Modulith bootstraps it with nothing but the platform it depends on, and
 * {@code edumatrix.modules} names only it, so only its schema, roles and pool exist. That it starts and works so is
 * what "could be split out as a service" means at the smallest scale.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@TestPropertySource(properties = "edumatrix.modules=students")
@IntegrationTest
class StudentsModuleTests {

    private final ApplicationContext context;
    private final ProfileService profiles;
    private final PostService posts;

    StudentsModuleTests(@Autowired ApplicationContext context, @Autowired ProfileService profiles,
            @Autowired PostService posts) {
        this.context = context;
        this.profiles = profiles;
        this.posts = posts;
    }

    @Test
    void the_module_starts_with_only_the_platform_and_a_pool_of_its_own() {
        assertThat(context.getBeanNamesForType(javax.sql.DataSource.class)).containsExactly("studentsDataSource");
        assertThat(context.getBeansWithAnnotation(org.springframework.web.bind.annotation.RestController.class).values())
                .extracting(controller -> controller.getClass().getPackageName())
                .allSatisfy(module -> assertThat(module).matches("io\\.edumatrix\\.(platform|students)\\..*"))
                .contains("io.edumatrix.students.internal");
    }

    @Test
    void following_and_posting_announce_themselves_in_the_institution(Scenario scenario) {
        var institution = UUID.randomUUID();
        var follower = UUID.randomUUID();
        var author = UUID.randomUUID();
        var authorProfile = TenantContext.inInstitution(institution, () -> {
            profiles.create(institution, follower, "Follower", null, null, null);
            return profiles.create(institution, author, "Author", null, null, null).id();
        });

        scenario.stimulate(() -> TenantContext.inInstitution(institution, () -> {
                    profiles.follow(follower, authorProfile);
                    return authorProfile;
                }))
                .andWaitForEventOfType(StudentFollowed.class)
                .matching(event -> event.followedProfileId().equals(authorProfile))
                .toArriveAndVerify(event -> assertThat(event.institutionId()).isEqualTo(institution));

        scenario.stimulate(() -> TenantContext.inInstitution(institution, () -> posts.publish(author, "Hello")))
                .andWaitForEventOfType(StudentPostPublished.class)
                .matching(event -> event.authorAccountId().equals(author))
                .toArriveAndVerify((event, post) -> {
                    assertThat(event.postId()).isEqualTo(post.id());
                    assertThat(event.authorProfileId()).isEqualTo(authorProfile);
                });
    }
}
