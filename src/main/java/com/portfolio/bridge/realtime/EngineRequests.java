package com.portfolio.bridge.realtime;

import io.socket.engineio.server.EngineIoServer;

/**
 * What the transport asks on every HTTP request and WebSocket open: the engine and the state of
 * one connection. A plain object, as {@link Delivery}: no EJB container work per call.
 */
public final class EngineRequests {

    private final EngineIoServer engine;
    private final Connections connections;

    EngineRequests(EngineIoServer engine, Connections connections) {
        this.engine = engine;
        this.connections = connections;
    }

    public EngineIoServer engine() {
        return engine;
    }

    /** False once the Engine.IO connection is closing or closed: it takes no more requests. */
    public boolean isOpen(String connectionId) {
        return connections.isOpen(connectionId);
    }

    /** True once the Engine.IO connection's close event has run. */
    public boolean isGone(String connectionId) {
        return connections.isGone(connectionId);
    }

    /** Engine.IO connections open now, closing ones included: what the connection cap counts. */
    public int openCount() {
        return connections.openCount();
    }

    /** Closes an Engine.IO connection the transport found misbehaving. */
    public void close(String connectionId) {
        connections.get(connectionId).ifPresent(Connection::close);
    }

    /**
     * Drops a connection whose client stopped taking what we write: its sockets leave their
     * rooms at once, and the connection is finished without waiting for a poll to say goodbye.
     */
    public void cut(String connectionId) {
        connections.cut(connectionId);
    }

    /** "connection &lt;id&gt; (user &lt;userId&gt;)", for log lines: never the token. */
    public String describe(String connectionId) {
        return "connection " + connectionId + connections.whose(connectionId);
    }
}
