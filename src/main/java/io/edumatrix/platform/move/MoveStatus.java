package io.edumatrix.platform.move;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code GET /api/admin/modules/{module}/moves/{id}} answers while a move runs and after.
 *
 * @param state {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param phase the step under way or last reached: preparing, copying, catching-up, cutting-over, cleaning-up, done
 * @param lagBytes how far the target's copy is behind the source's WAL; at the end, the lag the cut-over began with
 * @param pauseMs how long the module's writes paused (its gate closed), once cut over
 * @param drainMs of the pause, how long its running transactions took to finish; the rest is the cut-over itself
 * @param error why the move failed, if it did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MoveStatus(String module, String from, String to, String state, String phase, Long lagBytes, Long pauseMs,
        Long drainMs, String error) {}
