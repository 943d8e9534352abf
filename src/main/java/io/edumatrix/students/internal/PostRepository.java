package io.edumatrix.students.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PostRepository extends ListCrudRepository<Post, UUID> {

    /**
     * One page of the feed: the posts of the profiles {@code followerProfileId} follows, newest first, older than
     * {@code before}. Served by the follow pair index and the posts' (author, id) index; see FeedPlanTests.
     */
    @Query("""
            SELECT p.* FROM post p
             WHERE p.author_profile_id IN (SELECT f.followed_profile_id FROM follow f
                                            WHERE f.follower_profile_id = :followerProfileId)
               AND p.id < :before
             ORDER BY p.id DESC
             LIMIT :limit""")
    List<Post> findFeedPage(UUID followerProfileId, UUID before, int limit);
}
