package com.portfolio.bridge.realtime;

import com.portfolio.bridge.auth.AuthenticatedUser;
import com.portfolio.bridge.recovery.LiveSession;
import com.portfolio.bridge.recovery.Recovery;
import com.portfolio.bridge.recovery.Restore;
import com.portfolio.bridge.socketio.Handshake;
import io.socket.socketio.server.SocketIoSocket;
import java.util.Optional;

/**
 * Where connection state recovery meets the socket's life (socket.io-client sends back
 * {@code auth.pid} and {@code auth.offset} to recover): at CONNECT a pid (the old one when
 * the session comes back whole, else a new one), after it the restore, and when the network
 * ends the socket, its session kept for the window.
 */
final class RecoveryHooks {

    private final Recovery recovery;
    private final Restores restores;
    private final Connections connections;

    RecoveryHooks(Recovery recovery, Restores restores, Connections connections) {
        this.recovery = recovery;
        this.restores = restores;
        this.connections = connections;
    }

    /** False while this node has not yet consumed what the session to restore names (see Recovery#caughtUp). */
    boolean ready(Handshake handshake, AuthenticatedUser user) {
        String pid = handshake.authString("pid");
        return !recovery.enabled() || pid == null
                || recovery.caughtUp(pid, handshake.authValue("offset"), user.userId(), System.currentTimeMillis());
    }

    long catchUpMs() {
        return recovery.catchUpMs();
    }

    /**
     * The CONNECT is admitted (the library has not answered it yet): the session it restores, or
     * a new one. @return the pid its answer carries, or null with recovery off
     */
    String admitted(Handshake handshake, AuthenticatedUser user) {
        if (!recovery.enabled()) {
            return null;
        }
        String oldPid = handshake.authString("pid");
        Optional<Restore> plan = oldPid != null
                ? recovery.plan(oldPid, handshake.authValue("offset"), user.userId(), System.currentTimeMillis())
                : Optional.empty();
        String pid = plan.map(restore -> restore.session().pid()).orElseGet(Recovery::newPid);
        connections.get(handshake.connectionId()).ifPresent(connection -> {
            connection.session(recovery.admitted(pid, user.userId()));
            plan.ifPresent(connection::restoring);
        });
        return pid;
    }

    /**
     * This node sends the connection away: its session is kept from now on (see
     * Recovery#sendingAway) — unless it is still replaying a restore, which no session survives.
     */
    void sendingAway(Connection connection) {
        LiveSession session = connection.session();
        if (session != null && !connection.restoreUnfinished()) {
            recovery.sendingAway(session, System.currentTimeMillis());
        }
    }

    /** The connection is gone: so is its session, unless kept already. */
    void closed(Connection connection) {
        LiveSession session = connection.session();
        if (session != null) {
            recovery.forget(session);
        }
        connection.restoreOver();
    }

    /** The library has answered CONNECT: start the restore, and watch how the socket ends. */
    void connected(SocketIoSocket socket, Connection connection) {
        if (connection.session() == null) {
            return;
        }
        restores.start(socket, connection);
        socket.on("disconnecting", args -> {
            String reason = args.length > 0 ? String.valueOf(args[0]) : "";
            String kept = connection.restoreUnfinished() ? "restore unfinished" : reason;
            LiveSession session = connection.session();
            connection.session(null);
            if (session != null) {
                recovery.disconnecting(session, kept, System.currentTimeMillis());
            }
            connection.restoreOver();
        });
    }
}
