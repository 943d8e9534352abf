package io.edumatrix.platform.live;

import java.io.IOException;
import java.util.UUID;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open server-sent-event stream: the reader it reads as (an account, in an institution) and its emitter. Sends are
 * serialised on the stream, so a module that sends several events in a row (a replay) holds its monitor meanwhile. A
 * module extends it for what a stream of its own keeps, such as what it was opened on and what it has sent.
 */
public class LiveStream {

    /** How soon a client whose stream ended (a timeout, a restart) connects again. */
    private static final long RECONNECT_MILLIS = 1000;

    private final UUID institutionId;
    private final UUID accountId;
    private final SseEmitter emitter;

    public LiveStream(UUID institutionId, UUID accountId, SseEmitter emitter) {
        this.institutionId = institutionId;
        this.accountId = accountId;
        this.emitter = emitter;
    }

    /** False if the client is gone. */
    public final synchronized boolean send(SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * The stream's first bytes: without them the response (its status and headers) may sit in a buffer until the first
     * event, and the client would not know it is connected. Also tells the client how soon to reconnect. A client gone
     * already is removed by the emitter's error or completion callback.
     */
    public final void greet() {
        send(SseEmitter.event().comment("connected").reconnectTime(RECONNECT_MILLIS));
    }

    public final UUID institutionId() {
        return institutionId;
    }

    public final UUID accountId() {
        return accountId;
    }

    public final SseEmitter emitter() {
        return emitter;
    }

    final boolean heartbeat() {
        return send(SseEmitter.event().comment("heartbeat"));
    }

    final void complete() {
        try {
            emitter.complete();
        } catch (IllegalStateException alreadyDone) {
            // Completed by the container meanwhile: nothing left to end.
        }
    }
}
