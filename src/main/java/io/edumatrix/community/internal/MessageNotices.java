package io.edumatrix.community.internal;

import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * Tells every application instance that a message was stored: a NOTIFY on {@link #CHANNEL}, sent in the transaction
 * that stores the message, so PostgreSQL delivers it on commit and never for a rolled-back message. The payload is
 * {@code <roomId>:<messageId>}: ids only, never text; each instance reads the message itself, as each reader.
 */
interface MessageNotices extends Repository<Message, UUID> {

    String CHANNEL = "community_messages";

    @Query("SELECT 1 FROM pg_notify('" + CHANNEL + "', :payload)")
    int send(String payload);

    static String payload(UUID roomId, UUID messageId) {
        return roomId + ":" + messageId;
    }
}
