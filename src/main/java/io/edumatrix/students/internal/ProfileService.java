package io.edumatrix.students.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.web.Page;
import io.edumatrix.students.StudentFollowed;
import io.edumatrix.students.internal.Views.ProfileView;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profiles and follows. Everything runs in the caller's institution: row-level security hides every other one's
 * profiles, so another institution's profile is simply not found.
 */
@Service
@Transactional("students")
class ProfileService {

    private final ProfileRepository profiles;
    private final FollowRepository follows;
    private final PersonalDataVault vault;
    private final ApplicationEventPublisher events;

    ProfileService(ProfileRepository profiles, FollowRepository follows, @Qualifier("students") PersonalDataVault vault,
            ApplicationEventPublisher events) {
        this.profiles = profiles;
        this.follows = follows;
        this.vault = vault;
        this.events = events;
    }

    ProfileView create(UUID institutionId, UUID accountId, String headline, String bio, String program,
            Integer graduationYear) {
        var id = Ids.next();
        var now = Times.now();
        var profile = new Profile(id, null, institutionId, accountId,
                vault.sealOrNull(accountId, Profile.HEADLINE, id, headline),
                vault.sealOrNull(accountId, Profile.BIO, id, bio), program, graduationYear, now, now);
        try {
            return open(profiles.save(profile));
        } catch (DuplicateKeyException e) {
            throw StudentsProblems.PROFILE_EXISTS.exception("Account " + accountId + " has a profile in this institution");
        }
    }

    @Transactional(value = "students", readOnly = true)
    ProfileView get(UUID id) {
        return open(find(id));
    }

    @Transactional(value = "students", readOnly = true)
    ProfileView mine(UUID accountId) {
        return open(profiles.findByAccount(accountId)
                .orElseThrow(() -> DomainException.notFound("Profile of account", accountId)));
    }

    @Transactional(value = "students", readOnly = true)
    Page<ProfileView> list(UUID after, int limit) {
        return Page.of(profiles.findPage(Page.after(after), limit + 1), limit, Profile::id).map(this::open);
    }

    /** Fields left null stay as they are; {@code version} must be the one the caller read. */
    ProfileView change(UUID id, UUID accountId, long version, String headline, String bio, String program,
            Integer graduationYear) {
        var profile = find(id);
        profile.requireChangeableBy(accountId, version);
        var current = open(profile);
        profile.reseal(
                vault.sealOrNull(accountId, Profile.HEADLINE, id, headline != null ? headline : current.headline()),
                vault.sealOrNull(accountId, Profile.BIO, id, bio != null ? bio : current.bio()));
        profile.study(program != null ? program : profile.program(),
                graduationYear != null ? graduationYear : profile.graduationYear());
        profile.touch();
        return open(profiles.save(profile));
    }

    /** Following twice is following once; only a new follow is announced. */
    void follow(UUID followerAccountId, UUID followedProfileId) {
        var followed = find(followedProfileId);
        var follower = own(followerAccountId);
        follower.requireMayFollow(followed);
        if (follows.follow(Ids.next(), follower.institutionId(), follower.id(), followed.id(), followerAccountId) == 1) {
            events.publishEvent(StudentFollowed.of(follower.institutionId(), follower.id(), followed.id()));
        }
    }

    void unfollow(UUID followerAccountId, UUID followedProfileId) {
        var followed = find(followedProfileId);
        follows.unfollow(own(followerAccountId).id(), followed.id());
    }

    /** The caller's profile in the current institution, which posting, commenting and following need. */
    Profile own(UUID accountId) {
        return profiles.findByAccount(accountId).orElseThrow(() -> StudentsProblems.NO_PROFILE.exception(
                "Account " + accountId + " has no profile in this institution; create one first"));
    }

    Optional<Profile> ownIfAny(UUID accountId) {
        return profiles.findByAccount(accountId);
    }

    private Profile find(UUID id) {
        return profiles.findById(id).orElseThrow(() -> DomainException.notFound("Profile", id));
    }

    ProfileView open(Profile p) {
        return new ProfileView(p.id(), p.institutionId(), p.accountId(),
                vault.openOrNull(p.accountId(), Profile.HEADLINE, p.id(), p.headline()),
                vault.openOrNull(p.accountId(), Profile.BIO, p.id(), p.bio()), p.program(), p.graduationYear(),
                p.version(), p.createdAt(), p.updatedAt());
    }
}
