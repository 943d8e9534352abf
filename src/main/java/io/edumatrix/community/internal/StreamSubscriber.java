package io.edumatrix.community.internal;

import io.edumatrix.community.internal.Views.MessageView;
import io.edumatrix.platform.live.LiveStream;
import java.util.LinkedHashSet;
import java.util.SequencedSet;
import java.util.UUID;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream of a room. A message already sent (replayed after a reconnect, then announced once more) is not sent
 * twice.
 */
final class StreamSubscriber extends LiveStream {

    /** Enough to cover the overlap of a replay and the live messages announced while it ran. */
    private static final int REMEMBERED = 1000;

    private final UUID roomId;
    private final SequencedSet<UUID> sent = new LinkedHashSet<>();
    private UUID lastSent;

    StreamSubscriber(UUID roomId, UUID institutionId, UUID accountId, SseEmitter emitter) {
        super(institutionId, accountId, emitter);
        this.roomId = roomId;
    }

    /** Sends the message as an event whose id is the message's; false if the client is gone. */
    synchronized boolean send(MessageView message) {
        if (sent.contains(message.id())) {
            return true;
        }
        if (!send(SseEmitter.event().id(message.id().toString()).name("message").data(message))) {
            return false;
        }
        sent.add(message.id());
        if (sent.size() > REMEMBERED) {
            sent.removeFirst();
        }
        if (lastSent == null || Uuids.compare(message.id(), lastSent) > 0) {
            lastSent = message.id();
        }
        return true;
    }

    /** The newest message sent, where a catch-up after a lost notification connection starts. */
    synchronized UUID lastSent() {
        return lastSent;
    }

    UUID roomId() { return roomId; }
}
