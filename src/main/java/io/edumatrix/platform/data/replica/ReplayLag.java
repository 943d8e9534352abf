package io.edumatrix.platform.data.replica;

import java.util.ArrayDeque;

/**
 * A replica's replay lag from what the monitor saw: the primary's WAL position at each check, and how far the replica
 * has replayed. The lag is how long ago the primary was first seen at a position the replica has still not replayed
 * (zero when it has replayed the primary's current one), so it is exact to one check interval.
 *
 * <p>The age of the replica's last replayed transaction ({@code pg_last_xact_replay_timestamp()}) is not used: after
 * the primary has been idle it is the length of the idle time, and the first write after a quiet minute would read as
 * a minute of lag for a moment and send reads to the primary for nothing.
 */
final class ReplayLag {

    /** Positions kept while the replica falls behind: over two hours at one check a second. */
    private static final int MAX_POSITIONS = 10_000;

    private record Position(long lsn, long seenAtNanos) {}

    private final ArrayDeque<Position> unreplayed = new ArrayDeque<>();

    /** The primary was at {@code primaryLsn} at {@code nowNanos}, and the replica has replayed up to {@code replayLsn}. */
    double observe(String primaryLsn, String replayLsn, long nowNanos) {
        if (unreplayed.size() < MAX_POSITIONS) {
            unreplayed.addLast(new Position(lsn(primaryLsn), nowNanos));
        }
        long replayed = replayLsn == null ? 0 : lsn(replayLsn);
        while (!unreplayed.isEmpty() && unreplayed.peekFirst().lsn() <= replayed) {
            unreplayed.removeFirst();
        }
        return unreplayed.isEmpty() ? 0 : (nowNanos - unreplayed.peekFirst().seenAtNanos()) / 1e9;
    }

    /** PostgreSQL's text form of a WAL position, {@code X/Y} in hexadecimal: the high and low 32 bits. */
    static long lsn(String text) {
        var slash = text.indexOf('/');
        return Long.parseLong(text.substring(0, slash), 16) << 32 | Long.parseLong(text.substring(slash + 1), 16);
    }
}
