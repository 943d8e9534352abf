package io.edumatrix.community.internal;

import io.edumatrix.community.internal.Views.ReaderView;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read positions: how far each member has read a room, and who has read a message. */
@Service
@Transactional("community")
class ChatReadingService {

    private final ReadPositionRepository positions;
    private final RoomMessageRepository messages;
    private final CommunityRoomService rooms;

    ChatReadingService(ReadPositionRepository positions, RoomMessageRepository messages, CommunityRoomService rooms) {
        this.positions = positions;
        this.messages = messages;
        this.rooms = rooms;
    }

    /** The member has read the room up to the message (a message of another room is a 404). */
    void markReadUpTo(UUID roomId, UUID accountId, UUID messageId) {
        var room = rooms.joined(roomId, accountId);
        messageOf(roomId, messageId, accountId);
        positions.advance(Ids.next(), room.institutionId(), roomId, accountId, messageId, Times.now());
    }

    /** The members who have read the message, but those the reader blocked; a message hidden from the reader is a 404. */
    @Transactional(value = "community", readOnly = true)
    List<ReaderView> readersOf(UUID roomId, UUID messageId, UUID readerAccountId) {
        rooms.joined(roomId, readerAccountId);
        messageOf(roomId, messageId, readerAccountId);
        return positions.readersOf(roomId, messageId, readerAccountId).stream()
                .map(r -> new ReaderView(r.accountId(), r.readAt())).toList();
    }

    private void messageOf(UUID roomId, UUID messageId, UUID readerAccountId) {
        messages.findVisible(messageId, readerAccountId).filter(m -> m.roomId().equals(roomId))
                .orElseThrow(() -> DomainException.notFound("Message", messageId));
    }
}
