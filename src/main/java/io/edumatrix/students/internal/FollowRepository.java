package io.edumatrix.students.internal;

import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Follows between profiles: inserted once per pair, deleted. */
interface FollowRepository extends Repository<Profile, UUID> {

    /** 1 if the follow is new, 0 if it existed. */
    @Modifying
    @Query("INSERT INTO follow (id, institution_id, follower_profile_id, followed_profile_id, follower_account_id,"
            + " followed_at) VALUES (:id, :institutionId, :followerProfileId, :followedProfileId, :followerAccountId,"
            + " now()) ON CONFLICT (follower_profile_id, followed_profile_id) DO NOTHING")
    int follow(UUID id, UUID institutionId, UUID followerProfileId, UUID followedProfileId, UUID followerAccountId);

    @Modifying
    @Query("DELETE FROM follow WHERE follower_profile_id = :followerProfileId AND followed_profile_id = :followedProfileId")
    int unfollow(UUID followerProfileId, UUID followedProfileId);
}
