package io.edumatrix.community.internal;

import io.edumatrix.community.internal.Views.MessageView;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.SequencedSet;
import java.util.UUID;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: the room, the reader it reads as, and its emitter. Sends are serialised, and a message already sent
 * (replayed after a reconnect, then announced once more) is not sent twice.
 */
final class StreamSubscriber {

    /** Enough to cover the overlap of a replay and the live messages announced while it ran. */
    private static final int REMEMBERED = 1000;

    private final UUID roomId;
    private final UUID institutionId;
    private final UUID accountId;
    private final SseEmitter emitter;
    private final SequencedSet<UUID> sent = new LinkedHashSet<>();
    private UUID lastSent;

    StreamSubscriber(UUID roomId, UUID institutionId, UUID accountId, SseEmitter emitter) {
        this.roomId = roomId;
        this.institutionId = institutionId;
        this.accountId = accountId;
        this.emitter = emitter;
    }

    /** Sends the message as an event whose id is the message's; false if the client is gone. */
    synchronized boolean send(MessageView message) {
        if (sent.contains(message.id())) {
            return true;
        }
        try {
            emitter.send(SseEmitter.event().id(message.id().toString()).name("message").data(message));
        } catch (IOException | IllegalStateException e) {
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

    /**
     * The stream's first bytes: without them the response (its status and headers) may sit in a buffer until the first
     * message, and the client would not know it is connected. Also tells the client how soon to reconnect.
     */
    synchronized void greet(long reconnectMillis) {
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(reconnectMillis));
        } catch (IOException | IllegalStateException e) {
            // The client is gone already; the emitter's error or completion callback removes it.
        }
    }

    synchronized boolean heartbeat() {
        try {
            emitter.send(SseEmitter.event().comment("heartbeat"));
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    /** The newest message sent, where a catch-up after a lost notification connection starts. */
    synchronized UUID lastSent() {
        return lastSent;
    }

    void complete() {
        try {
            emitter.complete();
        } catch (IllegalStateException alreadyDone) {
            // Completed by the container meanwhile: nothing left to end.
        }
    }

    UUID roomId() { return roomId; }
    UUID institutionId() { return institutionId; }
    UUID accountId() { return accountId; }
    SseEmitter emitter() { return emitter; }
}
