/**
 * Students Interlinked, the students' social space: a profile per account and institution, posts with likes and
 * comments, follows between profiles, and a feed of the posts of the profiles one follows. Accounts are known by id
 * only (from the access token); nothing here reads another module's data.
 */
@ApplicationModule(allowedDependencies = {"platform :: *"})
@TenantOwned({"profile", "post", "post_like", "follow", "comment"})
@Audited({"profile", "post", "post_like", "follow", "comment"})
@DataSubjectColumns({"profile.account_id", "post.author_account_id", "post_like.account_id",
        "follow.follower_account_id", "comment.author_account_id"})
package io.edumatrix.students;

import io.edumatrix.platform.tables.Audited;
import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
import org.springframework.modulith.ApplicationModule;
