package com.portfolio.bridge.realtime;

import com.portfolio.bridge.auth.AuthenticatedUser;
import com.portfolio.bridge.recovery.LiveSession;
import com.portfolio.bridge.recovery.Restore;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoSocket;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Engine.IO connection and all the namespace knows of it: its user once a CONNECT passed,
 * its /portfolio socket while connected and that socket's rooms, its recovery session (pid and
 * cursor) and the restore in progress, whether it is on WebSocket, its CONNECT deadline, and
 * whether we are closing it. {@link Connections} holds one per open connection, and its close
 * event is the one way out.
 */
final class Connection {

    private final EngineIoSocket engine;
    private volatile AuthenticatedUser user;
    private volatile SocketIoSocket socket;
    private volatile boolean onWebSocket;
    private volatile boolean closing;
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private volatile LiveSession session;
    // A restore: pending from its CONNECT's admission until the socket connects, then the rooms still to rejoin.
    private volatile Restore restore;
    private final AtomicInteger roomsToRestore = new AtomicInteger();
    // Seen closing at the last sweep; touched by the sweeper's thread only.
    private boolean stuck;

    // The CONNECT deadline (see ConnectDeadlines): pending until it has run or the connection closed.
    volatile ScheduledFuture<?> deadline;
    volatile boolean deadlinePending;
    volatile boolean socketLeft;

    Connection(EngineIoSocket engine, boolean onWebSocket) {
        this.engine = engine;
        this.onWebSocket = onWebSocket;
    }

    String id() {
        return engine.getId();
    }

    EngineIoSocket engine() {
        return engine;
    }

    boolean isOpen() {
        return engine.getReadyState() == ReadyState.OPEN;
    }

    Optional<AuthenticatedUser> user() {
        return Optional.ofNullable(user);
    }

    void user(AuthenticatedUser user) {
        this.user = user;
    }

    /** " (user &lt;userId&gt;)" for a log line, or "" before its CONNECT: never the token. */
    String whose() {
        AuthenticatedUser current = user;
        return current == null ? "" : " (user " + current.userId() + ")";
    }

    SocketIoSocket socket() {
        return socket;
    }

    void socket(SocketIoSocket socket) {
        this.socket = socket;
    }

    /** The socket's rooms (the adapter's record; the rooms' members are in {@link RoomRegistry}). */
    Set<String> rooms() {
        return rooms;
    }

    /** Its recovery session while its socket is connected (and, after a send-away, until it closes); null with recovery off. */
    LiveSession session() {
        return session;
    }

    void session(LiveSession session) {
        this.session = session;
    }

    void restoring(Restore plan) {
        roomsToRestore.set(plan.session().rooms().size());
        restore = plan;
    }

    boolean restorePending() {
        return restore != null;
    }

    /** @return the pending restore, now started, or null */
    Restore startRestore() {
        Restore plan = restore;
        restore = null;
        return plan;
    }

    void roomRestored() {
        roomsToRestore.decrementAndGet();
    }

    /** Still rejoining rooms: a session cut now is not kept (its rooms would be incomplete). */
    boolean restoreUnfinished() {
        return roomsToRestore.get() > 0;
    }

    void restoreOver() {
        restore = null;
        roomsToRestore.set(0);
    }

    boolean onWebSocket() {
        return onWebSocket;
    }

    void upgraded() {
        onWebSocket = true;
    }

    boolean closing() {
        return closing;
    }

    /** We close it; its close event is still to come (a polling session waits for its next poll). */
    void close() {
        closing = true;
        engine.close();
    }

    /** @return true if it was already seen stuck at the sweep before */
    boolean stuckAgain() {
        boolean before = stuck;
        stuck = true;
        return before;
    }

    void notStuck() {
        stuck = false;
    }
}
