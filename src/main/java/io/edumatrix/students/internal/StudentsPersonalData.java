package io.edumatrix.students.internal;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import io.edumatrix.platform.privacy.PersonalDataVault;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What students holds about a person, in every institution: their profiles, posts, comments, likes and follows.
 * Erasure deletes them all, with what hangs on them (followers' follows, others' comments and likes under the posts),
 * and forgets the person's key of this module, so that copies in the audit trail and backups stay unreadable.
 */
@Component
class StudentsPersonalData implements PersonalDataHolder {

    private final PersonalStudentDataRepository data;
    private final ProfileService profiles;
    private final PersonalDataVault vault;

    StudentsPersonalData(PersonalStudentDataRepository data, ProfileService profiles,
            @Qualifier("students") PersonalDataVault vault) {
        this.data = data;
        this.profiles = profiles;
        this.vault = vault;
    }

    record PostData(UUID postId, UUID institutionId, UUID authorProfileId, String body, Instant createdAt) {}

    record CommentData(UUID commentId, UUID institutionId, UUID postId, String body, Instant createdAt) {}

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of(
                "profiles", data.profilesOf(accountId).stream().map(profiles::open).toList(),
                "posts", data.postsOf(accountId).stream().map(p -> new PostData(p.id(), p.institutionId(),
                        p.authorProfileId(), vault.openOrNull(accountId, Post.BODY, p.id(), p.body()), p.createdAt()))
                        .toList(),
                "comments", data.commentsOf(accountId).stream().map(c -> new CommentData(c.id(), c.institutionId(),
                        c.postId(), vault.openOrNull(accountId, Comment.BODY, c.id(), c.body()), c.createdAt()))
                        .toList(),
                "likedPosts", data.likedPostsOf(accountId),
                "followedProfiles", data.followedProfilesOf(accountId));
    }

    @Override
    public void erase(UUID accountId) {
        data.deleteCommentsOf(accountId);
        data.deleteLikesOf(accountId);
        data.deleteFollowsOf(accountId);
        data.deletePostsOf(accountId);
        data.deleteProfilesOf(accountId);
        vault.forget(accountId);
    }
}
