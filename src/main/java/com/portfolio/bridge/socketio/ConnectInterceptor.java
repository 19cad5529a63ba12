package com.portfolio.bridge.socketio;

import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.engineio.server.parser.Packet;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts a {@link ConnectMiddleware} into one connection's data feed: the library's own data
 * listeners are taken off and called from here, so every CONNECT is decided before the library
 * sees (and acknowledges) it. Other packets pass straight through.
 */
final class ConnectInterceptor {

    private static final Logger LOG = Logger.getLogger(ConnectInterceptor.class.getName());

    private final String namespace;
    private final ConnectMiddleware middleware;
    private final Consumer<String> refusedEarly;
    private final Function<String, String> describe;

    /**
     * @param refusedEarly told the reason word of a CONNECT refused before the middleware
     *        ({@code malformed_connect}, {@code invalid_namespace})
     * @param describe a connection id as a log line names it (never a token)
     */
    ConnectInterceptor(String namespace, ConnectMiddleware middleware, Consumer<String> refusedEarly,
            Function<String, String> describe) {
        this.namespace = namespace;
        this.middleware = middleware;
        this.refusedEarly = refusedEarly;
        this.describe = describe;
    }

    /** Must run after the library has attached its own data listener to the connection. */
    void attach(EngineIoSocket connection) {
        List<Emitter.Listener> library = connection.listeners("data");
        connection.off("data");
        connection.on("data", (Emitter.Listener) args -> onData(connection, library, args));
    }

    private void onData(EngineIoSocket connection, List<Emitter.Listener> library, Object[] args) {
        try {
            if (args.length > 0 && ConnectRequest.isConnect(args[0])) {
                connect(connection, library, args, (String) args[0]);
                return;
            }
            library.forEach(listener -> listener.call(args));
        } catch (RuntimeException e) {
            fail(connection, e);
        }
    }

    private void connect(EngineIoSocket connection, List<Emitter.Listener> library, Object[] args, String frame) {
        ConnectRequest request;
        try {
            request = ConnectRequest.parse(frame);
        } catch (IllegalArgumentException e) {
            LOG.info(() -> "closing " + describe.apply(connection.getId()) + ": malformed CONNECT (" + e.getMessage() + ")");
            refusedEarly.accept("malformed_connect");
            connection.close();
            return;
        }
        if (!namespace.equals(request.namespace())) {
            refusedEarly.accept("invalid_namespace");
            connection.send(new Packet<>(Packet.MESSAGE, Frames.connectError(request.namespace(), "Invalid namespace", null)));
            return;
        }
        Handshake handshake = new Handshake(connection.getId(), request.namespace(), request.auth(),
                connection.getInitialHeaders(), connection.getInitialQuery());
        AtomicBoolean decided = new AtomicBoolean();
        middleware.connect(handshake, new ConnectMiddleware.Next() {
            @Override
            public void admit(String pid) {
                if (decided.compareAndSet(false, true) && open()) {
                    try {
                        if (pid != null) {
                            addPidToAck(connection, pid);
                        }
                        library.forEach(listener -> listener.call(args));
                    } catch (RuntimeException e) {
                        fail(connection, e);
                    }
                }
            }

            @Override
            public void refuse(String message, String reason) {
                if (decided.compareAndSet(false, true) && open()) {
                    connection.send(new Packet<>(Packet.MESSAGE, Frames.connectError(namespace, message, reason)));
                }
            }

            @Override
            public boolean open() {
                return connection.getReadyState() == ReadyState.OPEN;
            }
        });
    }

    // The library's emitter would swallow this; a broken packet closes only this session. The
    // exception's class only: a message could quote the packet, and a CONNECT's carries the token.
    private void fail(EngineIoSocket connection, RuntimeException e) {
        LOG.log(Level.WARNING, "closing " + describe.apply(connection.getId()) + ": a packet failed ("
                + e.getClass().getName() + ")");
        LOG.log(Level.FINE, "the failure of connection " + connection.getId(), e);
        connection.close();
    }

    /**
     * Adds {@code pid} to the library's CONNECT answer, which it cannot do itself: the engine's
     * "flush" event hands over the very packets it is about to write, once, right before writing them.
     */
    private void addPidToAck(EngineIoSocket connection, String pid) {
        Emitter.Listener[] self = new Emitter.Listener[1];
        self[0] = args -> {
            for (Object item : (Collection<?>) args[0]) {
                @SuppressWarnings("unchecked")
                Packet<Object> packet = (Packet<Object>) item;
                if (packet.data instanceof String text && Frames.isConnectAck(text, namespace)) {
                    packet.data = Frames.connectAckWithPid(text, namespace, pid);
                    connection.off("flush", self[0]);
                    return;
                }
            }
        };
        connection.on("flush", self[0]);
    }
}
