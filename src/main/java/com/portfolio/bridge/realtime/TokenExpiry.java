package com.portfolio.bridge.realtime;

import com.portfolio.bridge.auth.AuthenticatedUser;
import com.portfolio.bridge.socketio.Sockets;
import io.socket.socketio.server.SocketIoSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Ends a socket when its token expires, so a revoked session cannot listen forever. The client
 * sees "io server disconnect" and reconnects with a fresh token.
 */
final class TokenExpiry {

    private static final Logger LOG = Logger.getLogger(TokenExpiry.class.getName());

    private final ScheduledExecutorService scheduler;
    private final Duration clockSkew;

    /** @param clockSkew the leeway the verifier gave exp; the socket ends when it would be refused */
    TokenExpiry(ScheduledExecutorService scheduler, Duration clockSkew) {
        this.scheduler = scheduler;
        this.clockSkew = clockSkew;
    }

    void watch(SocketIoSocket socket, AuthenticatedUser user) {
        Instant end = user.expiresAt().plus(clockSkew);
        long delayMs = Math.max(0, Duration.between(Instant.now(), end).toMillis());
        ScheduledFuture<?> expiry = scheduler.schedule(() -> {
            LOG.info(() -> "disconnecting socket " + socket.getId() + " of " + user.userId() + ": token expired");
            Sockets.end(socket);
        }, delayMs, TimeUnit.MILLISECONDS);
        socket.on("disconnect", args -> expiry.cancel(false));
    }
}
