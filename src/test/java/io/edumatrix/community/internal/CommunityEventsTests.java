package io.edumatrix.community.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.community.MessagePosted;
import io.edumatrix.platform.tenancy.TenantContext;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The module's event as its services publish it in the caller's institution: one {@link MessagePosted} per message,
 * with its mentions each once (none for an edit or a delete).
 */
@HttpApplicationTest
@RecordApplicationEvents
@IntegrationTest
class CommunityEventsTests {

    private final CommunityRoomService rooms;
    private final CommunityMessageService messages;

    CommunityEventsTests(@Autowired CommunityRoomService rooms, @Autowired CommunityMessageService messages) {
        this.rooms = rooms;
        this.messages = messages;
    }

    @Test
    void a_posted_message_is_announced_once_with_its_ids_institution_and_mentions(ApplicationEvents events) {
        var institution = UUID.randomUUID();
        var author = UUID.randomUUID();
        var mentioned = UUID.randomUUID();

        var posted = TenantContext.inInstitution(institution, () -> {
            var room = rooms.create(institution, author, "Lobby", Room.Visibility.PUBLIC);
            TenantContext.of(institution, mentioned, null).run(() -> {
                rooms.join(room.id(), mentioned);
                return null;
            });
            var message = messages.post(room.id(), author, "Hello", List.of(mentioned, mentioned));
            messages.edit(room.id(), message.id(), author, message.version(), "Hello again");
            messages.delete(room.id(), message.id(), author);
            return message;
        });

        assertThat(events.stream(MessagePosted.class)).singleElement().satisfies(event -> {
            assertThat(event.version()).isEqualTo(MessagePosted.VERSION).isEqualTo(1);
            assertThat(event.institutionId()).isEqualTo(institution);
            assertThat(event.roomId()).isEqualTo(posted.roomId());
            assertThat(event.messageId()).isEqualTo(posted.id());
            assertThat(event.authorAccountId()).isEqualTo(author);
            assertThat(event.mentions()).containsExactly(mentioned);
        });
    }
}
