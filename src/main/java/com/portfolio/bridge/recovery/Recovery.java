package com.portfolio.bridge.recovery;

import com.portfolio.bridge.config.RecoverySettings;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;

/**
 * Connection state recovery on this node: the streams' logs, the rooms' buffers, the live sessions
 * (each held by its connection) and the sessions that went away. Decides whether a CONNECT with
 * a pid and an offset can be restored completely — or not at all.
 */
public final class Recovery {

    /** Why a socket may come back (socket.io's list): the network, not the server or the user, ended it. */
    public static final Set<String> RECOVERABLE = Set.of("transport close", "transport error", "ping timeout",
            "forced close", "forced server close");
    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RecoverySettings settings;
    private final EventLog[] logs = new EventLog[Offset.STREAMS];
    private final RoomBuffers buffers;
    private final Sessions sessions;
    private final RestorePlanner planner;
    private final LiveSessions live = new LiveSessions();
    // A session moves from live to kept in two steps; the cluster must not read it between them
    // (it would hear the session ended, and is told of each change once).
    private final Object moving = new Object();
    private volatile Function<String, Optional<Session>> elsewhere = pid -> Optional.empty();

    /** @param streamOfRoom which stream feeds a room ({@link Offset#NOTIFICATIONS} or {@link Offset#MESSAGES}) */
    public Recovery(RecoverySettings settings, ToIntFunction<String> streamOfRoom) {
        this.settings = settings;
        for (int s = 0; s < Offset.STREAMS; s++) {
            logs[s] = new EventLog(settings.logEvents());
        }
        // Kept a little past the window: an event consumed just before a disconnect is still needed at its end.
        buffers = new RoomBuffers(settings.roomEvents(), settings.roomBytes(), settings.totalBytes(),
                settings.maxDisconnectionMs() + 30_000);
        sessions = new Sessions(settings.maxDisconnectionMs());
        planner = new RestorePlanner(logs, buffers, streamOfRoom);
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public EventLog log(int stream) {
        return logs[stream];
    }

    public RoomBuffers buffers() {
        return buffers;
    }

    public Watermarks watermarks() {
        long[] seqs = new long[Offset.STREAMS];
        String[] ids = new String[Offset.STREAMS];
        for (int s = 0; s < Offset.STREAMS; s++) {
            seqs[s] = logs[s].watermark();
            OptionalLong id = logs[s].idAt(seqs[s]);
            ids[s] = id.isPresent() ? EventIds.text(id.getAsLong()) : null;
        }
        return new Watermarks(seqs, ids);
    }

    public static String newPid() {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Where sessions other nodes announced are found (the cluster's presence state). */
    public void sessionsElsewhere(Function<String, Optional<Session>> lookup) {
        this.elsewhere = lookup;
    }

    /**
     * A socket was admitted with this pid: from now on its frames carry offsets.
     * @return the live session, for its connection to hold until the socket ends
     */
    public LiveSession admitted(String pid, String userId) {
        // Where it starts: owed nothing up to here, so a client back before any event gets what followed.
        Watermarks w = watermarks();
        LiveSession session = new LiveSession(pid, userId, Offset.format(w.ids(), List.of(List.of(), List.of())));
        live.admitted(session);
        return session;
    }

    /** A contract room (user or conversation) the session's socket joined or left. */
    public void room(LiveSession session, String room, boolean joined) {
        live.room(session, room, joined);
    }

    /** The connection is gone: its session, if still live here, is not kept. */
    public void forget(LiveSession session) {
        live.remove(session);
    }

    /** The socket is going (its rooms are still known); if the network ended it, its session is kept for the window. */
    public void disconnecting(LiveSession session, String reason, long nowMs) {
        leave(session, reason, RECOVERABLE.contains(reason), nowMs);
    }

    /**
     * This node sends the connection away (a drain): its session is kept now, whatever ends the
     * transport later (a poller may not poll again before the node stops). Its socket still gets
     * its events, with offsets, until the transport is closed.
     */
    public void sendingAway(LiveSession session, long nowMs) {
        leave(session, "sent away", true, nowMs);
    }

    // Out of the live sessions and, if kept, into the kept ones: one step for the cluster's reads.
    private void leave(LiveSession session, String reason, boolean keep, long nowMs) {
        synchronized (moving) {
            live.remove(session).ifPresent(rooms -> {
                if (keep) {
                    sessions.keep(new Session(session.pid(), session.userId, rooms, nowMs, session.start));
                }
                LOG.fine(() -> "session " + session.pid() + " of user " + session.userId + " ended (" + reason + "): "
                        + (keep ? "kept for recovery" : "not recoverable"));
            });
        }
    }

    /** Sessions whose state changed since the last call: pid → state, or null when it cannot come back. */
    public Map<String, SessionState> drainSessions() {
        Map<String, SessionState> changed = new HashMap<>();
        synchronized (moving) {
            for (String pid : live.drainDirty()) {
                changed.put(pid, live.state(pid).orElseGet(() -> sessions.peek(pid).map(Session::announced).orElse(null)));
            }
        }
        LOG.finer(() -> "sessions to announce: " + changed);
        return changed;
    }

    /** Every session this node has: connected, and kept for recovery. */
    public Map<String, SessionState> allSessions() {
        synchronized (moving) {
            Map<String, SessionState> all = live.all();
            sessions.all().forEach(kept -> all.putIfAbsent(kept.pid(), kept.announced()));
            return all;
        }
    }

    /** A join/leave (room null: disconnect) command for the user, applied to its kept sessions. */
    public void command(String userId, String room, boolean join) {
        sessions.command(userId, room, join);
    }

    /** Another node has these sessions connected now: they will not come back here. */
    public void claimedElsewhere(Set<String> pids) {
        pids.forEach(sessions::remove);
    }

    /** Sessions of a node that is gone: kept here, so they can come back here. */
    public void adopt(List<Session> orphans) {
        orphans.stream().filter(s -> !live.isLive(s.pid())).forEach(sessions::adopt);
    }

    /**
     * Whether the session can come back with everything it missed. @return empty when not — an
     * unknown or expired pid, another user's, a bad offset, or a room that dropped what it missed
     */
    public Optional<Restore> plan(String pid, Object rawOffset, String userId, long nowMs) {
        if (live.isLive(pid)) {
            return Optional.empty();
        }
        Optional<Session> kept = sessions.take(pid, userId, nowMs);
        boolean local = kept.isPresent();
        Optional<Session> found = kept.or(() -> elsewhere(pid, userId, nowMs));
        if (found.isEmpty()) {
            LOG.fine(() -> "no session " + pid + " of user " + userId + " to restore (unknown, another user's, or past the window)");
            return Optional.empty();
        }
        return planner.plan(found.get(), rawOffset, !local);
    }

    /**
     * False while a session another node announced names a position this node has not consumed
     * yet: its CONNECT waits for that (up to {@code catch-up-ms}) rather than lose its recovery.
     */
    public boolean caughtUp(String pid, Object rawOffset, String userId, long nowMs) {
        if (!enabled() || pid == null || live.isLive(pid) || sessions.peek(pid).isPresent()) {
            return true;
        }
        return elsewhere(pid, userId, nowMs).map(s -> planner.positionKnown(s, rawOffset)).orElse(true);
    }

    // Another node's session, if it is this user's and still within the window.
    private Optional<Session> elsewhere(String pid, String userId, long nowMs) {
        return elsewhere.apply(pid)
                .filter(s -> s.userId().equals(userId) && nowMs - s.disconnectedAtMs() <= settings.maxDisconnectionMs());
    }

    /** How long a CONNECT may wait for {@link #caughtUp} to turn true. */
    public long catchUpMs() {
        return settings.catchUpMs();
    }
}
