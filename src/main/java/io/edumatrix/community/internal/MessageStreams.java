package io.edumatrix.community.internal;

import io.edumatrix.platform.live.LiveStreams;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The streams open on this instance, by room. A stored message reaches them through {@link #deliver}, called for every
 * notification the database sends (so for messages posted on any instance); each subscriber gets it read afresh as
 * itself, in its own institution, so row-level security and its membership decide what it receives. A reader no longer
 * a member of the room (they left, or were erased) has their stream ended instead.
 *
 * <p>The platform's {@link LiveStreams} holds them within the limits of {@link StreamProperties} and ends them before
 * the web server's graceful shutdown.
 */
@Component
@EnableConfigurationProperties(StreamProperties.class)
class MessageStreams extends LiveStreams<StreamSubscriber> {

    private static final Logger log = LoggerFactory.getLogger(MessageStreams.class);

    private final CommunityMessageService messages;

    MessageStreams(CommunityMessageService messages, StreamProperties properties) {
        super("community", "streams", properties, CommunityProblems.TOO_MANY_STREAMS, StreamSubscriber::roomId);
        this.messages = messages;
    }

    /**
     * Opens a stream of the room for the reader, first sending what they missed after {@code lastEventId} (oldest
     * first). The subscriber is registered before the missed messages are read, so a message stored meanwhile arrives
     * live if not replayed, and never twice.
     */
    SseEmitter open(UUID roomId, UUID institutionId, UUID accountId, UUID lastEventId) {
        messages.requireReadable(roomId, accountId);
        var subscriber = register(emitter -> new StreamSubscriber(roomId, institutionId, accountId, emitter));
        try {
            synchronized (subscriber) {
                subscriber.greet();
                for (var missed : messages.missed(roomId, accountId, lastEventId)) {
                    subscriber.send(missed);
                }
            }
        } catch (RuntimeException e) {
            remove(subscriber);
            throw e;
        }
        return subscriber.emitter();
    }

    /** A message was stored in the room, on this instance or another. */
    void deliver(UUID roomId, UUID messageId) {
        streams(roomId).forEach(subscriber -> submit(() -> deliverTo(subscriber, messageId)));
    }

    /** After notifications may have been lost: every stream gets what was stored after the last message it got. */
    void catchUp() {
        streams().forEach(subscriber -> submit(() -> {
            var after = subscriber.lastSent();
            if (after == null) {
                return;
            }
            try {
                var missed = readAs(subscriber, () -> messages.streamable(subscriber.roomId(), subscriber.accountId())
                        ? messages.missed(subscriber.roomId(), subscriber.accountId(), after) : null);
                if (missed == null) {
                    end(subscriber);
                    return;
                }
                missed.forEach(message -> sendOrEnd(subscriber, message));
            } catch (RuntimeException e) {
                log.warn("Catching up a stream of room {} failed; it continues with live messages", subscriber.roomId(), e);
            }
        }));
    }

    /** Ends the account's streams of the room on this instance, as when they leave it. */
    void endFor(UUID roomId, UUID accountId) {
        streams(roomId).filter(s -> s.accountId().equals(accountId)).forEach(this::end);
    }

    private void deliverTo(StreamSubscriber subscriber, UUID messageId) {
        try {
            var view = readAs(subscriber, () -> messages.streamable(subscriber.roomId(), subscriber.accountId())
                    ? Optional.of(messages.forStream(subscriber.roomId(), messageId, subscriber.accountId()))
                    : Optional.<Optional<Views.MessageView>>empty());
            if (view.isEmpty()) {
                end(subscriber);
                return;
            }
            view.get().ifPresent(message -> sendOrEnd(subscriber, message));
        } catch (RuntimeException e) {
            log.warn("Delivering message {} to a stream of room {} failed", messageId, subscriber.roomId(), e);
        }
    }

    private void sendOrEnd(StreamSubscriber subscriber, Views.MessageView message) {
        if (!subscriber.send(message)) {
            end(subscriber);
        }
    }
}
