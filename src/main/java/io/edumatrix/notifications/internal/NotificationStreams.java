package io.edumatrix.notifications.internal;

import io.edumatrix.platform.data.DedicatedConnections;
import io.edumatrix.platform.live.ChannelListener;
import io.edumatrix.platform.live.LiveStream;
import io.edumatrix.platform.live.LiveStreams;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live notification streams open on this instance, by account. A stored notification reaches them through
 * {@link #deliver}, called for every notice the database sends (so for notifications made on any instance): a personal
 * one goes to its recipient's streams, a broadcast to every stream of its institution, each read afresh as its reader
 * (row-level security and the reader's preferences decide). A stream carries only what is new: after a reconnect the
 * client reads the list for what it missed.
 *
 * <p>The platform's {@link LiveStreams} holds them within the limits of {@link StreamProperties} and ends them before
 * the web server's graceful shutdown.
 */
@Component
@EnableConfigurationProperties(StreamProperties.class)
class NotificationStreams extends LiveStreams<LiveStream> {

    private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);

    private final NotificationService notifications;

    NotificationStreams(NotificationService notifications, StreamProperties properties) {
        super("notifications", "notification streams", properties, NotificationsProblems.TOO_MANY_STREAMS,
                LiveStream::accountId);
        this.notifications = notifications;
    }

    /** The LISTEN session that brings every instance's new notifications here. */
    @Configuration(proxyBeanMethods = false)
    static class Notices {

        @Bean
        ChannelListener notificationNoticeListener(DedicatedConnections connections, NotificationStreams streams,
                StreamProperties properties) {
            return new ChannelListener(connections, "notifications", NotificationNotices.CHANNEL,
                    properties.reconnectDelay(), streams::deliver, () -> { });
        }
    }

    SseEmitter open(UUID institutionId, UUID accountId) {
        var stream = register(emitter -> new LiveStream(institutionId, accountId, emitter));
        stream.greet();
        return stream.emitter();
    }

    /** A notice: {@code <institutionId>:<recipient or *>:<notificationId>}. */
    void deliver(String payload) {
        var parts = payload.split(":");
        if (parts.length != 3) {
            log.warn("Ignored a notice on {} that names no notification: {}", NotificationNotices.CHANNEL, payload);
            return;
        }
        var institution = UUID.fromString(parts[0]);
        var id = UUID.fromString(parts[2]);
        var recipients = parts[1].equals(NotificationNotices.BROADCAST) ? streams()
                : streams(UUID.fromString(parts[1]));
        recipients.filter(s -> s.institutionId().equals(institution))
                .forEach(stream -> submit(() -> deliverTo(stream, id)));
    }

    private void deliverTo(LiveStream stream, UUID id) {
        try {
            readAs(stream, () -> notifications.one(stream.accountId(), id)).ifPresent(n -> {
                if (!stream.send(SseEmitter.event().id(n.id().toString()).name("notification").data(n))) {
                    end(stream);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Delivering notification {} to a stream failed", id, e);
        }
    }
}
