package com.portfolio.bridge.metrics;

import com.portfolio.bridge.vocabulary.EventKind;

/**
 * What the namespace tells the node's metrics about sockets. An interface so the Socket.IO side
 * stays free of the metrics API (and its tests of a registry); the labels are bounded sets
 * (reasons), never user or room ids.
 */
public interface SocketMetrics {

    /** A CONNECT to /portfolio was accepted. */
    void connected();

    /** A CONNECT was refused; {@code reason} is the contract's {@code data.reason} or a fixed word. */
    void connectRefused(String reason);

    /** A /portfolio socket ended, with Socket.IO's disconnect reason. */
    void disconnected(String reason);

    /** A socket joined a conversation room (from the client, a command or a restore). */
    void joinedConversation();

    /** The backstop sweep had to finish connections whose close event never came (a bug if ever above 0). */
    void swept(int connections);

    /** One event broadcast to its room, written to {@code frames} sockets. */
    void emitted(EventKind kind, int frames, long sinceConsumeNanos, long publishedAtMillis);
}
