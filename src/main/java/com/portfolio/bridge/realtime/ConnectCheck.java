package com.portfolio.bridge.realtime;

import com.portfolio.bridge.auth.AuthenticatedUser;
import com.portfolio.bridge.auth.RejectionReason;
import com.portfolio.bridge.auth.Revocations;
import com.portfolio.bridge.auth.TokenRejectedException;
import com.portfolio.bridge.auth.TokenVerifier;
import com.portfolio.bridge.metrics.SocketMetrics;
import com.portfolio.bridge.socketio.ConnectMiddleware;
import com.portfolio.bridge.socketio.Handshake;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The /portfolio CONNECT middleware: the token (verified, not revoked), the sockets-per-user
 * bound, then connection state recovery — a session from another node waits until this node has
 * consumed what it names (at most the catch-up time) — and the CONNECT answer's {@code pid}.
 * A refusal reaches the client as {@code connect_error} before any {@code connect}.
 */
final class ConnectCheck implements ConnectMiddleware {

    private static final Logger LOG = Logger.getLogger(ConnectCheck.class.getName());
    private static final long CATCH_UP_POLL_MS = 50;

    private final TokenVerifier verifier;
    private final Revocations revocations;
    private final Connections connections;
    private final ScheduledExecutorService scheduler;
    private final RecoveryHooks recovery;
    private final SocketMetrics metrics;

    ConnectCheck(TokenVerifier verifier, Revocations revocations, Connections connections,
            ScheduledExecutorService scheduler, RecoveryHooks recovery, SocketMetrics metrics) {
        this.verifier = verifier;
        this.revocations = revocations;
        this.connections = connections;
        this.scheduler = scheduler;
        this.recovery = recovery;
        this.metrics = metrics;
    }

    @Override
    public void connect(Handshake handshake, Next next) {
        AuthenticatedUser user = admit(handshake, next);
        if (user != null) {
            proceed(handshake, user, next, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(recovery.catchUpMs()));
        }
    }

    // Polled off the connection's thread while it waits: nothing signals "the log caught up".
    private void proceed(Handshake handshake, AuthenticatedUser user, Next next, long untilNanos) {
        if (!next.open()) {
            return;
        }
        if (!recovery.ready(handshake, user) && System.nanoTime() < untilNanos) {
            scheduler.schedule(() -> proceed(handshake, user, next, untilNanos), CATCH_UP_POLL_MS, TimeUnit.MILLISECONDS);
            return;
        }
        next.admit(recovery.admitted(handshake, user));
    }

    /** @return the user, or null when refused (the client was told why) */
    private AuthenticatedUser admit(Handshake handshake, Next next) {
        String connectionId = handshake.connectionId();
        try {
            AuthenticatedUser user = verifier.verify(TokenSources.find(handshake));
            if (revocations.isRevoked(user)) {
                LOG.info(() -> "refused CONNECT on " + connectionId + ": user " + user.userId()
                        + "'s tokens issued before a revocation are refused");
                refuse(next, "unauthorized", RejectionReason.REVOKED.code());
                return null;
            }
            if (!connections.admit(connectionId, user)) {
                LOG.info(() -> "refused CONNECT on " + connectionId + ": user " + user.userId()
                        + " is at the sockets-per-user limit");
                refuse(next, "too many connections", "too_many_sockets");
                return null;
            }
            return user;
        } catch (TokenRejectedException e) {
            LOG.fine(() -> "refused CONNECT on " + connectionId + ": " + e.reason().code());
            refuse(next, "unauthorized", e.reason().code());
            return null;
        }
    }

    private void refuse(Next next, String message, String reason) {
        metrics.connectRefused(reason);
        next.refuse(message, reason);
    }
}
