package io.edumatrix.students.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * A person's rows in every institution, for their export and erasure (with the person bound as data subject, the only
 * time row-level security admits rows of several institutions).
 */
interface PersonalStudentDataRepository extends Repository<Profile, UUID> {

    @Query("SELECT * FROM profile WHERE account_id = :accountId ORDER BY id")
    List<Profile> profilesOf(UUID accountId);

    @Query("SELECT * FROM post WHERE author_account_id = :accountId ORDER BY id")
    List<Post> postsOf(UUID accountId);

    @Query("SELECT * FROM comment WHERE author_account_id = :accountId ORDER BY id")
    List<Comment> commentsOf(UUID accountId);

    @Query("SELECT post_id FROM post_like WHERE account_id = :accountId ORDER BY id")
    List<UUID> likedPostsOf(UUID accountId);

    @Query("SELECT followed_profile_id FROM follow WHERE follower_account_id = :accountId ORDER BY id")
    List<UUID> followedProfilesOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM comment WHERE author_account_id = :accountId")
    int deleteCommentsOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM post_like WHERE account_id = :accountId")
    int deleteLikesOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM follow WHERE follower_account_id = :accountId")
    int deleteFollowsOf(UUID accountId);

    @Modifying
    @Query("DELETE FROM post WHERE author_account_id = :accountId")
    int deletePostsOf(UUID accountId);

    /** The profiles' followers' follows and the comments and likes under their posts go with them (ON DELETE CASCADE). */
    @Modifying
    @Query("DELETE FROM profile WHERE account_id = :accountId")
    int deleteProfilesOf(UUID accountId);
}
