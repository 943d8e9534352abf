package io.edumatrix.community.internal;

import io.edumatrix.community.MessagePosted;
import io.edumatrix.community.internal.Views.MessageView;
import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.web.Page;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A room's messages, for its members only, in the caller's institution (row-level security). */
@Service
@Transactional("community")
class CommunityMessageService {

    /** Sorts after every id, so the first page (newest first) needs no cursor of its own. */
    private static final UUID AFTER_ALL = new UUID(-1L, -1L);
    /** At most this many missed messages are replayed to a reconnecting stream; older ones are read as a page. */
    static final int MAX_REPLAY = 500;

    private final RoomMessageRepository messages;
    private final MessageMentionRepository mentions;
    private final MessageNotices notices;
    private final CommunityRoomService rooms;
    private final RoomMemberRepository memberships;
    private final AccountBlockRepository blocks;
    private final PersonalDataVault vault;
    private final ApplicationEventPublisher events;

    CommunityMessageService(RoomMessageRepository messages, MessageMentionRepository mentions, MessageNotices notices, CommunityRoomService rooms,
            RoomMemberRepository memberships, AccountBlockRepository blocks,
            @Qualifier("community") PersonalDataVault vault, ApplicationEventPublisher events) {
        this.messages = messages;
        this.mentions = mentions;
        this.notices = notices;
        this.rooms = rooms;
        this.memberships = memberships;
        this.blocks = blocks;
        this.vault = vault;
        this.events = events;
    }

    /**
     * Every mentioned account must be a member of the room: a mention of anyone else is refused, naming them. The
     * message shows every mention, as written; the event names only those who have not blocked the author, so a
     * mention by someone one blocked notifies nothing (and the author cannot tell).
     */
    MessageView post(UUID roomId, UUID authorAccountId, String body, List<UUID> mentioned) {
        var room = rooms.joined(roomId, authorAccountId);
        var distinct = List.copyOf(new LinkedHashSet<>(mentioned));
        if (!distinct.isEmpty()) {
            var strangers = new ArrayList<>(distinct);
            strangers.removeAll(memberships.membersAmong(roomId, distinct));
            if (!strangers.isEmpty()) {
                throw CommunityProblems.MENTIONS_NOT_MEMBERS.exception(
                        "Mentioned accounts " + strangers + " are not members of room " + roomId)
                        .with("accountIds", strangers);
            }
        }
        var id = Ids.next();
        var now = Times.now();
        var message = messages.save(new Message(id, null, room.institutionId(), roomId, authorAccountId,
                vault.seal(authorAccountId, Message.BODY, id, body), now, now));
        distinct.forEach(account -> mentions.insert(Ids.next(), room.institutionId(), id, account));
        notices.send(MessageNotices.payload(roomId, id));
        var told = new ArrayList<>(distinct);
        if (!told.isEmpty()) {
            told.removeAll(blocks.blockersAmong(authorAccountId, distinct));
        }
        events.publishEvent(MessagePosted.of(room.institutionId(), roomId, id, authorAccountId, told));
        return view(message, distinct);
    }

    /** Newest first: {@code before} is the previous page's {@code next}, and the page holds older messages. */
    @Transactional(value = "community", readOnly = true)
    Page<MessageView> list(UUID roomId, UUID readerAccountId, UUID before, int limit) {
        rooms.joined(roomId, readerAccountId);
        var page = Page.of(messages.findPageBefore(roomId, before == null ? AFTER_ALL : before, readerAccountId,
                limit + 1), limit,
                Message::id);
        return new Page<>(views(page.items()), page.next());
    }

    /** Refuses a reader who may not read the room: 404 if they cannot see it, 403 if they are not a member. */
    @Transactional(value = "community", readOnly = true)
    void requireReadable(UUID roomId, UUID readerAccountId) {
        rooms.joined(roomId, readerAccountId);
    }

    /** The messages a stream missed after {@code after}, oldest first; checks the reader may stream the room. */
    @Transactional(value = "community", readOnly = true)
    List<MessageView> missed(UUID roomId, UUID readerAccountId, UUID after) {
        rooms.joined(roomId, readerAccountId);
        return after == null ? List.of() : views(messages.findAfter(roomId, after, readerAccountId, MAX_REPLAY));
    }

    /**
     * One message as a stream's reader sees it: empty when the reader is no longer a member of its room, or the
     * message is gone (deleted meanwhile, or invisible in the reader's institution), or its author is one the reader
     * blocked.
     */
    @Transactional(value = "community", readOnly = true)
    Optional<MessageView> forStream(UUID roomId, UUID messageId, UUID readerAccountId) {
        if (memberships.roleOf(roomId, readerAccountId).isEmpty()) {
            return Optional.empty();
        }
        return messages.findVisible(messageId, readerAccountId).filter(m -> m.roomId().equals(roomId))
                .map(m -> views(List.of(m)).getFirst());
    }

    @Transactional(value = "community", readOnly = true)
    boolean streamable(UUID roomId, UUID readerAccountId) {
        return memberships.roleOf(roomId, readerAccountId).isPresent();
    }

    MessageView edit(UUID roomId, UUID id, UUID accountId, long version, String body) {
        var message = visibleMessage(roomId, id, accountId);
        message.requireEditableBy(accountId, version);
        message.reseal(vault.seal(accountId, Message.BODY, id, body));
        return views(List.of(messages.save(message))).getFirst();
    }

    /** A deleted message disappears, mentions and all (no tombstone). */
    void delete(UUID roomId, UUID id, UUID accountId) {
        var message = visibleMessage(roomId, id, accountId);
        message.requireAuthor(accountId);
        messages.delete(message);
    }

    /** The message of a room the account can see; in another room it does not exist. */
    private Message visibleMessage(UUID roomId, UUID id, UUID accountId) {
        rooms.visible(roomId, accountId);
        return messages.findById(id).filter(m -> m.roomId().equals(roomId))
                .orElseThrow(() -> DomainException.notFound("Message", id));
    }

    private List<MessageView> views(List<Message> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<UUID>> mentioned = mentions.findByMessages(page.stream().map(Message::id).toList()).stream()
                .collect(Collectors.groupingBy(Mention::messageId,
                        Collectors.mapping(Mention::accountId, Collectors.toList())));
        return page.stream().map(m -> view(m, mentioned.getOrDefault(m.id(), List.of()))).toList();
    }

    private MessageView view(Message m, List<UUID> mentioned) {
        return new MessageView(m.id(), m.roomId(), m.authorAccountId(),
                vault.openOrNull(m.authorAccountId(), Message.BODY, m.id(), m.body()), mentioned, m.version(),
                m.createdAt(), m.updatedAt());
    }
}
