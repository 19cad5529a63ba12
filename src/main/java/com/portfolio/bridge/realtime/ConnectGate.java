package com.portfolio.bridge.realtime;

import com.portfolio.bridge.auth.AuthenticatedUser;
import com.portfolio.bridge.auth.RejectionReason;
import com.portfolio.bridge.auth.Revocations;
import com.portfolio.bridge.auth.TokenRejectedException;
import com.portfolio.bridge.auth.TokenVerifier;
import com.portfolio.bridge.metrics.SocketMetrics;
import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.engineio.server.parser.Packet;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.json.JSONObject;

/**
 * Stands between an Engine.IO connection and the Socket.IO library: it reads every CONNECT
 * packet first. socket.io-server-java has no middleware and acknowledges CONNECT before any
 * listener runs, so a bad token must be answered here, with CONNECT_ERROR, or the client would
 * see connect-then-disconnect. Good CONNECTs go on to the library with the user recorded.
 */
final class ConnectGate {

    private static final Logger LOG = Logger.getLogger(ConnectGate.class.getName());

    private final String namespace;
    private final TokenVerifier verifier;
    private final Revocations revocations;
    private final ConnectionUsers users;
    private final ScheduledExecutorService scheduler;
    private final ConnectDeadlines deadlines;
    private final Admitted onAdmitted;
    private final SocketMetrics metrics;

    /** Told of each CONNECT the gate lets through, before the library answers it. */
    interface Admitted {
        void admitted(EngineIoSocket connection, ConnectRequest request, AuthenticatedUser user);

        /** False while the CONNECT should wait, at most {@link #catchUpMs()}: see RecoveryHooks#ready. */
        default boolean ready(ConnectRequest request, AuthenticatedUser user) {
            return true;
        }

        default long catchUpMs() {
            return 0;
        }
    }

    private record Let(ConnectRequest request, AuthenticatedUser user) {
    }

    private static final long CATCH_UP_POLL_MS = 50;

    ConnectGate(String namespace, TokenVerifier verifier, Revocations revocations, ConnectionUsers users,
            ScheduledExecutorService scheduler, ConnectDeadlines deadlines, Admitted onAdmitted, SocketMetrics metrics) {
        this.metrics = metrics;
        this.namespace = namespace;
        this.verifier = verifier;
        this.revocations = revocations;
        this.users = users;
        this.scheduler = scheduler;
        this.deadlines = deadlines;
        this.onAdmitted = onAdmitted;
    }

    /** Must run after the library has attached its own data listener to the connection. */
    void attach(EngineIoSocket connection) {
        List<Emitter.Listener> library = connection.listeners("data");
        deadlines.start(connection, id -> users.of(id).isPresent());
        connection.off("data");
        connection.on("data", (Emitter.Listener) args -> onData(connection, library, args));
        connection.on("close", (Emitter.Listener) args -> {
            deadlines.closed(connection.getId());
            users.forget(connection.getId());
        });
    }

    private void onData(EngineIoSocket connection, List<Emitter.Listener> library, Object[] args) {
        try {
            if (args.length > 0 && ConnectRequest.isConnect(args[0])) {
                Let let = admit(connection, (String) args[0]);
                if (let == null) {
                    return;
                }
                proceed(connection, library, args, let, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(onAdmitted.catchUpMs()));
                return;
            }
            library.forEach(listener -> listener.call(args));
        } catch (RuntimeException e) {
            fail(connection, e);
        }
    }

    // The CONNECT goes to the library once the node is ready for it (or the wait is over): off
    // the connection's thread meanwhile, polled, since nothing signals "the log caught up".
    private void proceed(EngineIoSocket connection, List<Emitter.Listener> library, Object[] args, Let let, long untilNanos) {
        if (connection.getReadyState() != ReadyState.OPEN) {
            return;
        }
        if (!onAdmitted.ready(let.request(), let.user()) && System.nanoTime() < untilNanos) {
            scheduler.schedule(() -> {
                try {
                    proceed(connection, library, args, let, untilNanos);
                } catch (RuntimeException e) {
                    fail(connection, e);
                }
            }, CATCH_UP_POLL_MS, TimeUnit.MILLISECONDS);
            return;
        }
        onAdmitted.admitted(connection, let.request(), let.user());
        library.forEach(listener -> listener.call(args));
    }

    // The library's emitter would swallow this; a broken packet closes only this session. The
    // exception's class only: a message could quote the packet, and a CONNECT's carries the token.
    private void fail(EngineIoSocket connection, RuntimeException e) {
        LOG.log(Level.WARNING, "closing connection " + connection.getId() + users.whose(connection.getId())
                + ": a packet failed (" + e.getClass().getName() + ")");
        LOG.log(Level.FINE, "the failure of connection " + connection.getId(), e);
        connection.close();
    }

    /** @return the admitted request and user, or null when refused (the client was told why) */
    private Let admit(EngineIoSocket connection, String frame) {
        ConnectRequest request;
        try {
            request = ConnectRequest.parse(frame);
        } catch (IllegalArgumentException e) {
            LOG.info(() -> "closing connection " + connection.getId() + ": malformed CONNECT (" + e.getMessage() + ")");
            metrics.connectRefused("malformed_connect");
            connection.close();
            return null;
        }
        if (!namespace.equals(request.namespace())) {
            refuse(connection, request.namespace(), "Invalid namespace", null);
            return null;
        }
        String token = TokenSources.find(request, connection.getInitialHeaders(), connection.getInitialQuery());
        try {
            AuthenticatedUser user = verifier.verify(token);
            if (revocations.isRevoked(user)) {
                LOG.info(() -> "refused CONNECT on " + connection.getId() + ": user " + user.userId()
                        + "'s tokens issued before a revocation are refused");
                refuse(connection, namespace, "unauthorized", RejectionReason.REVOKED.code());
                return null;
            }
            if (!users.admit(connection.getId(), user)) {
                LOG.info(() -> "refused CONNECT on " + connection.getId() + ": user " + user.userId()
                        + " is at the sockets-per-user limit");
                refuse(connection, namespace, "too many connections", "too_many_sockets");
                return null;
            }
            return new Let(request, user);
        } catch (TokenRejectedException e) {
            LOG.fine(() -> "refused CONNECT on " + connection.getId() + ": " + e.reason().code());
            refuse(connection, namespace, "unauthorized", e.reason().code());
            return null;
        }
    }

    private void refuse(EngineIoSocket connection, String nsp, String message, String reason) {
        metrics.connectRefused(reason == null ? "invalid_namespace" : reason);
        JSONObject error = new JSONObject().put("message", message);
        if (reason != null) {
            error.put("data", new JSONObject().put("reason", reason));
        }
        String prefix = "/".equals(nsp) ? "" : nsp + ",";
        connection.send(new Packet<>(Packet.MESSAGE, "4" + prefix + error));
    }
}
