package io.edumatrix.community.internal;

import static io.edumatrix.platform.testing.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.edumatrix.platform.testing.UnitTest;
import io.edumatrix.platform.web.PlatformProblems;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who sees, joins, reads, leaves and manages a room, and who changes a message: {@link Room} and {@link Message}. */
@UnitTest
class RoomRulesTests {

    private static final UUID INSTITUTION = UUID.randomUUID();
    private static final UUID AUTHOR = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final Instant THEN = Instant.parse("2030-03-01T12:00:00Z");
    private static final String NOT_A_MEMBER = null;

    private static Room room(Room.Visibility visibility) {
        return new Room(UUID.randomUUID(), 0L, INSTITUTION, "Chess club", visibility, THEN);
    }

    private static Message messageBy(UUID accountId) {
        return new Message(UUID.randomUUID(), 0L, INSTITUTION, UUID.randomUUID(), accountId, new byte[0], THEN, THEN);
    }

    @Test
    void a_private_room_exists_for_its_members_only() {
        assertThat(room(Room.Visibility.PRIVATE).isVisibleTo(NOT_A_MEMBER)).isFalse();
        assertThat(room(Room.Visibility.PRIVATE).isVisibleTo(Room.MEMBER)).isTrue();
        assertThat(room(Room.Visibility.PUBLIC).isVisibleTo(NOT_A_MEMBER)).isTrue();
    }

    @Test
    void anyone_joins_a_public_room_but_a_private_rooms_owner_adds_its_members() {
        assertThatCode(() -> room(Room.Visibility.PUBLIC).requireJoinableBy(NOT_A_MEMBER)).doesNotThrowAnyException();
        refusal(() -> room(Room.Visibility.PRIVATE).requireJoinableBy(NOT_A_MEMBER), CommunityProblems.PRIVATE_ROOM);
        refusal(() -> room(Room.Visibility.PRIVATE).requireOwner(Room.MEMBER), CommunityProblems.FORBIDDEN);
        assertThatCode(() -> room(Room.Visibility.PRIVATE).requireOwner(Room.OWNER)).doesNotThrowAnyException();
    }

    @Test
    void reading_a_room_needs_a_membership_of_it() {
        refusal(() -> room(Room.Visibility.PUBLIC).requireMember(OTHER, NOT_A_MEMBER), CommunityProblems.NOT_A_MEMBER);
        assertThatCode(() -> room(Room.Visibility.PUBLIC).requireMember(OTHER, Room.MEMBER))
                .doesNotThrowAnyException();
    }

    @Test
    void the_owner_of_a_room_cannot_leave_it() {
        refusal(() -> room(Room.Visibility.PUBLIC).requireMayLeave(Room.OWNER), CommunityProblems.OWNER_CANNOT_LEAVE);
        assertThatCode(() -> room(Room.Visibility.PUBLIC).requireMayLeave(Room.MEMBER)).doesNotThrowAnyException();
    }

    @Test
    void only_its_author_edits_or_deletes_a_message() {
        var message = messageBy(AUTHOR);

        refusal(() -> message.requireAuthor(OTHER), CommunityProblems.FORBIDDEN);
        refusal(() -> message.requireEditableBy(AUTHOR, 7), PlatformProblems.CONCURRENT_UPDATE);
        assertThatCode(() -> message.requireEditableBy(AUTHOR, 0)).doesNotThrowAnyException();
    }
}
