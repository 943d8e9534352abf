package io.edumatrix.students.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Likes are a fact per post and account, without a life of their own: inserted once, deleted, counted. */
interface LikeRepository extends Repository<Post, UUID> {

    /** 1 if the like is new, 0 if the account liked the post already. */
    @Modifying
    @Query("INSERT INTO post_like (id, institution_id, post_id, account_id, liked_at)"
            + " VALUES (:id, :institutionId, :postId, :accountId, now()) ON CONFLICT (post_id, account_id) DO NOTHING")
    int like(UUID id, UUID institutionId, UUID postId, UUID accountId);

    @Modifying
    @Query("DELETE FROM post_like WHERE post_id = :postId AND account_id = :accountId")
    int unlike(UUID postId, UUID accountId);

    @Query("SELECT count(*) FROM post_like WHERE post_id = :postId")
    long countLikes(UUID postId);

    @Query("SELECT EXISTS (SELECT 1 FROM post_like WHERE post_id = :postId AND account_id = :accountId)")
    boolean liked(UUID postId, UUID accountId);

    /** The like counts of a page of posts, and whether the reader is among the likers, in one query (none: no row). */
    @Query("SELECT post_id, count(*) AS likes, bool_or(account_id = :readerAccountId) AS liked_by_reader"
            + " FROM post_like WHERE post_id IN (:postIds) GROUP BY post_id")
    List<LikeTally> tallies(Collection<UUID> postIds, UUID readerAccountId);

    record LikeTally(UUID postId, long likes, boolean likedByReader) {}
}
