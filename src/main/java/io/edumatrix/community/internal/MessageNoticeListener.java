package io.edumatrix.community.internal;

import io.edumatrix.platform.data.DedicatedConnections;
import io.edumatrix.platform.live.ChannelListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Listens for {@link MessageNotices} on a session of the module's own (the platform's {@link ChannelListener}) and
 * hands each to the local {@link MessageStreams}. After a lost connection the streams catch up on whatever was stored
 * while nobody listened.
 */
@Configuration(proxyBeanMethods = false)
class MessageNoticeListener {

    private static final Logger log = LoggerFactory.getLogger(MessageNoticeListener.class);

    @Bean
    ChannelListener communityMessageChannel(DedicatedConnections connections, MessageStreams streams,
            StreamProperties properties) {
        return new ChannelListener(connections, "community", MessageNotices.CHANNEL, properties.reconnectDelay(),
                payload -> deliver(streams, payload), streams::catchUp);
    }

    private static void deliver(MessageStreams streams, String payload) {
        var separator = payload.indexOf(':');
        try {
            streams.deliver(UUID.fromString(payload.substring(0, separator)),
                    UUID.fromString(payload.substring(separator + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            log.warn("Ignored a notice on {} that names no room and message: {}", MessageNotices.CHANNEL, payload);
        }
    }
}
