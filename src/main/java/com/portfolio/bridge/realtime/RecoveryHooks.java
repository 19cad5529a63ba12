package com.portfolio.bridge.realtime;

import com.portfolio.bridge.auth.AuthenticatedUser;
import com.portfolio.bridge.recovery.Recovery;
import com.portfolio.bridge.recovery.Restore;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoSocket;
import java.util.Optional;
import org.json.JSONObject;

/**
 * Where connection state recovery meets the socket's life: at CONNECT a pid (the old one when
 * the session comes back whole, else a new one), after it the restore, and when the network
 * ends the socket, its session kept for the window.
 */
final class RecoveryHooks implements ConnectGate.Admitted {

    private final Recovery recovery;
    private final Restores restores;
    private final ConnectionUsers users;

    RecoveryHooks(Recovery recovery, Restores restores, ConnectionUsers users) {
        this.recovery = recovery;
        this.restores = restores;
        this.users = users;
    }

    /** False while this node has not yet consumed what the session to restore names (see Recovery#caughtUp). */
    @Override
    public boolean ready(ConnectRequest request, AuthenticatedUser user) {
        String pid = pid(request);
        return !recovery.enabled() || pid == null
                || recovery.caughtUp(pid, offset(request), user.userId(), System.currentTimeMillis());
    }

    @Override
    public long catchUpMs() {
        return recovery.catchUpMs();
    }

    /** The gate admitted this CONNECT (the library has not answered it yet). */
    @Override
    public void admitted(EngineIoSocket connection, ConnectRequest request, AuthenticatedUser user) {
        if (!recovery.enabled()) {
            return;
        }
        String oldPid = pid(request);
        Optional<Restore> plan = oldPid != null
                ? recovery.plan(oldPid, offset(request), user.userId(), System.currentTimeMillis())
                : Optional.empty();
        String pid = plan.map(restore -> restore.session().pid()).orElseGet(Recovery::newPid);
        recovery.admitted(connection.getId(), pid, user.userId());
        plan.ifPresent(restore -> restores.admitted(connection.getId(), restore));
        ConnectAckPid.attach(connection, PortfolioNamespace.NAME, pid);
        connection.on("close", args -> closed(connection.getId()));
    }

    /**
     * This node sends the connection away: its session is kept from now on (see
     * Recovery#sendingAway) — unless it is still replaying a restore, which no session survives.
     */
    void sendingAway(String connectionId) {
        if (recovery.enabled() && !restores.isUnfinished(connectionId)) {
            recovery.sendingAway(connectionId, System.currentTimeMillis());
        }
    }

    /** The connection is gone: its cursor and any restore still pending go too. */
    void closed(String connectionId) {
        recovery.forget(connectionId);
        restores.forget(connectionId);
    }

    // What socket.io-client sends back to recover: auth.pid (a string) and auth.offset (null when absent).
    private static String pid(ConnectRequest request) {
        JSONObject auth = request.auth();
        return auth != null && auth.opt("pid") instanceof String pid ? pid : null;
    }

    private static Object offset(ConnectRequest request) {
        Object offset = request.auth() == null ? null : request.auth().opt("offset");
        return offset == JSONObject.NULL ? null : offset;
    }

    /** A restored socket rejoins its user's room on the user's lane, after its replay. */
    boolean joinsUserRoomLater(String connectionId) {
        return restores.isRestoring(connectionId);
    }

    /** The library has answered CONNECT: start the restore, and watch how the socket ends. */
    void connected(SocketIoSocket socket) {
        if (!recovery.enabled()) {
            return;
        }
        String connectionId = socket.getClient().getId();
        Optional<AuthenticatedUser> user = users.of(connectionId);
        user.ifPresent(u -> restores.start(socket, u));
        socket.on("disconnecting", args -> {
            String reason = args.length > 0 ? String.valueOf(args[0]) : "";
            String kept = restores.isUnfinished(connectionId) ? "restore unfinished" : reason;
            recovery.disconnecting(connectionId, kept, System.currentTimeMillis());
            restores.forget(connectionId);
        });
    }
}
