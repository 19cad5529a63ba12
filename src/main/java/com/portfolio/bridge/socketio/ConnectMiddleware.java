package com.portfolio.bridge.socketio;

/**
 * Decides on each CONNECT to a namespace before the library acknowledges it, as socket.io's
 * {@code namespace.use((socket, next) => …)} does: the library itself has no such seam (it
 * answers CONNECT before any listener runs), so {@link SocketIoEngine} puts one in its data feed.
 */
@FunctionalInterface
public interface ConnectMiddleware {

    /** Calls exactly one of {@code next}'s decisions, now or later, from any thread. */
    void connect(Handshake handshake, Next next);

    /** The decision on one CONNECT. */
    interface Next {

        /** The library acknowledges the CONNECT now; its answer carries {@code pid} unless that is null. */
        void admit(String pid);

        /** The client gets {@code connect_error} with {@code message} and {@code data.reason} (none when null). */
        void refuse(String message, String reason);

        /** False once the connection is closing or closed: a late decision is dropped. */
        boolean open();
    }
}
