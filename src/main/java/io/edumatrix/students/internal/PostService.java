package io.edumatrix.students.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.web.Page;
import io.edumatrix.students.StudentPostPublished;
import io.edumatrix.students.internal.LikeRepository.LikeTally;
import io.edumatrix.students.internal.Views.CommentView;
import io.edumatrix.students.internal.Views.PostView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Posts, their likes and comments, and the feed, all within the caller's institution (row-level security). */
@Service
@Transactional("students")
class PostService {

    /** Sorts after every id, so the feed's first page (newest first) needs no cursor of its own. */
    private static final UUID AFTER_ALL = new UUID(-1L, -1L);

    private final PostRepository posts;
    private final LikeRepository likes;
    private final CommentRepository comments;
    private final ProfileService profiles;
    private final PersonalDataVault vault;
    private final ApplicationEventPublisher events;

    PostService(PostRepository posts, LikeRepository likes, CommentRepository comments, ProfileService profiles,
            @Qualifier("students") PersonalDataVault vault, ApplicationEventPublisher events) {
        this.posts = posts;
        this.likes = likes;
        this.comments = comments;
        this.profiles = profiles;
        this.vault = vault;
        this.events = events;
    }

    PostView publish(UUID accountId, String body) {
        var author = profiles.own(accountId);
        var id = Ids.next();
        var now = Times.now();
        var post = posts.save(new Post(id, null, author.institutionId(), author.id(), accountId,
                vault.sealOrNull(accountId, Post.BODY, id, body), now, now));
        events.publishEvent(StudentPostPublished.of(author.institutionId(), id, author.id(), accountId));
        return withLikes(post, accountId);
    }

    @Transactional(value = "students", readOnly = true)
    PostView get(UUID id, UUID readerAccountId) {
        return withLikes(find(id), readerAccountId);
    }

    PostView edit(UUID id, UUID accountId, long version, String body) {
        var post = find(id);
        post.requireEditableBy(accountId, version);
        post.reseal(vault.sealOrNull(accountId, Post.BODY, id, body));
        return withLikes(posts.save(post), accountId);
    }

    /** Its likes and comments go with it (foreign keys, ON DELETE CASCADE). */
    void delete(UUID id, UUID accountId) {
        posts.delete(authored(id, accountId));
    }

    /** Liking twice is liking once. */
    PostView like(UUID id, UUID accountId) {
        var post = find(id);
        likes.like(Ids.next(), post.institutionId(), id, accountId);
        return withLikes(post, accountId);
    }

    PostView unlike(UUID id, UUID accountId) {
        var post = find(id);
        likes.unlike(id, accountId);
        return withLikes(post, accountId);
    }

    CommentView comment(UUID postId, UUID accountId, String body) {
        var post = find(postId);
        var author = profiles.own(accountId);
        var id = Ids.next();
        var comment = comments.save(new Comment(id, null, post.institutionId(), postId, author.id(), accountId,
                vault.sealOrNull(accountId, Comment.BODY, id, body), Times.now()));
        return open(comment);
    }

    @Transactional(value = "students", readOnly = true)
    Page<CommentView> comments(UUID postId, UUID after, int limit) {
        find(postId);
        return Page.of(comments.findPage(postId, Page.after(after), limit + 1), limit, Comment::id).map(this::open);
    }

    /**
     * The posts of the profiles the caller follows, newest first; {@code before} is the previous page's {@code next}.
     * Without a profile the caller follows nobody, so the feed is empty.
     */
    @Transactional(value = "students", readOnly = true)
    Page<PostView> feed(UUID accountId, UUID before, int limit) {
        var reader = profiles.ownIfAny(accountId);
        if (reader.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        var page = Page.of(posts.findFeedPage(reader.get().id(), before == null ? AFTER_ALL : before, limit + 1), limit,
                Post::id);
        var tallies = page.items().isEmpty() ? Map.<UUID, LikeTally>of()
                : likes.tallies(page.items().stream().map(Post::id).toList(), accountId).stream()
                        .collect(Collectors.toMap(LikeTally::postId, tally -> tally));
        return page.map(post -> {
            var tally = tallies.get(post.id());
            return new PostView(post.id(), post.authorProfileId(), body(post), tally == null ? 0 : tally.likes(),
                    tally != null && tally.likedByReader(), post.version(), post.createdAt(), post.updatedAt());
        });
    }

    private Post authored(UUID id, UUID accountId) {
        var post = find(id);
        post.requireAuthor(accountId);
        return post;
    }

    private Post find(UUID id) {
        return posts.findById(id).orElseThrow(() -> DomainException.notFound("Post", id));
    }

    private PostView withLikes(Post post, UUID readerAccountId) {
        return new PostView(post.id(), post.authorProfileId(), body(post), likes.countLikes(post.id()),
                likes.liked(post.id(), readerAccountId), post.version(), post.createdAt(), post.updatedAt());
    }

    private String body(Post post) {
        return vault.openOrNull(post.authorAccountId(), Post.BODY, post.id(), post.body());
    }

    private CommentView open(Comment c) {
        return new CommentView(c.id(), c.postId(), c.authorProfileId(),
                vault.openOrNull(c.authorAccountId(), Comment.BODY, c.id(), c.body()), c.createdAt());
    }
}
