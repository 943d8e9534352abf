package io.edumatrix.students.internal;

import io.edumatrix.platform.security.Callers;
import io.edumatrix.platform.security.Member;
import io.edumatrix.platform.web.Page;
import io.edumatrix.students.internal.Views.CommentView;
import io.edumatrix.students.internal.Views.PostView;
import io.edumatrix.students.internal.Views.ProfileView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Students Interlinked over HTTP. Every endpoint acts in the token's institution, as its member; the caller is the
 * token's account, so nobody writes in another person's name.
 */
@RestController
@RequestMapping("/api/students")
class StudentsController {

    private final ProfileService profiles;
    private final PostService posts;

    StudentsController(ProfileService profiles, PostService posts) {
        this.profiles = profiles;
        this.posts = posts;
    }

    record CreateProfile(@NotBlank @Size(max = 200) String headline, @Size(max = 4000) String bio,
            @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String program,
            @Min(1900) @Max(2200) Integer graduationYear) {}

    /** Fields left out stay as they are; {@code version} is the one read, so a change made meanwhile is a 409. */
    record ChangeProfile(@NotNull Long version,
            @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String headline,
            @Size(max = 4000) String bio,
            @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String program,
            @Min(1900) @Max(2200) Integer graduationYear) {}

    record Write(@NotBlank @Size(max = 10000) String body) {}

    record Edit(@NotNull Long version, @NotBlank @Size(max = 10000) String body) {}

    @PostMapping("/profiles")
    @Member
    ResponseEntity<ProfileView> createProfile(@Valid @RequestBody CreateProfile request) {
        var caller = Callers.require();
        var profile = profiles.create(caller.institutionId().orElseThrow(), caller.accountId(), request.headline(),
                request.bio(), request.program(), request.graduationYear());
        return ResponseEntity.created(URI.create("/api/students/profiles/" + profile.id())).body(profile);
    }

    @GetMapping("/profiles")
    @Member
    Page<ProfileView> profiles(@RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return profiles.list(after, limit);
    }

    @GetMapping("/profiles/me")
    @Member
    ProfileView myProfile() {
        return profiles.mine(Callers.require().accountId());
    }

    @GetMapping("/profiles/{id}")
    @Member
    ProfileView profile(@PathVariable UUID id) {
        return profiles.get(id);
    }

    @PatchMapping("/profiles/{id}")
    @Member
    ProfileView changeProfile(@PathVariable UUID id, @Valid @RequestBody ChangeProfile request) {
        return profiles.change(id, Callers.require().accountId(), request.version(), request.headline(), request.bio(),
                request.program(), request.graduationYear());
    }

    @PutMapping("/profiles/{id}/follow")
    @Member
    ResponseEntity<Void> follow(@PathVariable UUID id) {
        profiles.follow(Callers.require().accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/profiles/{id}/follow")
    @Member
    ResponseEntity<Void> unfollow(@PathVariable UUID id) {
        profiles.unfollow(Callers.require().accountId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/posts")
    @Member
    ResponseEntity<PostView> publish(@Valid @RequestBody Write request) {
        var post = posts.publish(Callers.require().accountId(), request.body());
        return ResponseEntity.created(URI.create("/api/students/posts/" + post.id())).body(post);
    }

    @GetMapping("/posts/{id}")
    @Member
    PostView post(@PathVariable UUID id) {
        return posts.get(id, Callers.require().accountId());
    }

    @PatchMapping("/posts/{id}")
    @Member
    PostView edit(@PathVariable UUID id, @Valid @RequestBody Edit request) {
        return posts.edit(id, Callers.require().accountId(), request.version(), request.body());
    }

    @DeleteMapping("/posts/{id}")
    @Member
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        posts.delete(id, Callers.require().accountId());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/posts/{id}/like")
    @Member
    PostView like(@PathVariable UUID id) {
        return posts.like(id, Callers.require().accountId());
    }

    @DeleteMapping("/posts/{id}/like")
    @Member
    PostView unlike(@PathVariable UUID id) {
        return posts.unlike(id, Callers.require().accountId());
    }

    @PostMapping("/posts/{id}/comments")
    @Member
    ResponseEntity<CommentView> comment(@PathVariable UUID id, @Valid @RequestBody Write request) {
        var comment = posts.comment(id, Callers.require().accountId(), request.body());
        return ResponseEntity.created(URI.create("/api/students/posts/" + id + "/comments/" + comment.id()))
                .body(comment);
    }

    @GetMapping("/posts/{id}/comments")
    @Member
    Page<CommentView> comments(@PathVariable UUID id, @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return posts.comments(id, after, limit);
    }

    /** Newest first: {@code after} is the previous page's {@code next}, and the page holds older posts. */
    @GetMapping("/feed")
    @Member
    Page<PostView> feed(@RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return posts.feed(Callers.require().accountId(), after, limit);
    }
}
