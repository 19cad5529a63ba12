package com.portfolio.bridge.socketio;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoAdapter;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoServerOptions;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine and the Socket.IO server, built with the bridge's options (fresh: the library's
 * DEFAULT instances lock on first use), and one namespace whose CONNECTs go through a
 * {@link ConnectMiddleware}.
 */
public final class SocketIoEngine {

    private final EngineIoServer engine;
    private final SocketIoServer server;

    /**
     * @param connectTimeoutMs how long a connection may stay without a socket: the caller closes
     *        such connections itself, a second before the library would
     * @param scheduler the engine's timers (heartbeats), instead of the library's own unmanaged pool
     */
    public SocketIoEngine(long pingIntervalMs, long pingTimeoutMs, long connectTimeoutMs,
            ScheduledExecutorService scheduler, SocketIoAdapter.AdapterFactory rooms) {
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
        // The library's CORS default is every origin with credentials; the transport applies our allow-list.
        options.setCorsHandlingDisabled(true);
        // Only handshakes run synchronously (see HandshakeBuffer); every real request is async.
        options.setAllowSyncPolling(true);
        options.setPingInterval(pingIntervalMs);
        options.setPingTimeout(pingTimeoutMs);
        options.setScheduledExecutorService(scheduler);
        engine = new EngineIoServer(options);
        SocketIoServerOptions ioOptions = SocketIoServerOptions.newFromDefault();
        // The caller closes silent connections at connectTimeoutMs; the library's own timeout (which
        // would drop every close listener, see Sockets#end) runs a second later and finds them closed.
        ioOptions.setConnectionTimeout(connectTimeoutMs + 1_000);
        ioOptions.setAdapterFactory(rooms);
        server = new SocketIoServer(engine, ioOptions);
    }

    public EngineIoServer engine() {
        return engine;
    }

    /**
     * The namespace, its CONNECTs decided by {@code middleware}.
     * @param opened told of each new Engine.IO connection first, before any of its packets
     * @param refusedEarly told the reason word of a CONNECT refused before the middleware
     * @param describe a connection id as a log line names it (never a token)
     */
    public SocketIoNamespace namespace(String name, ConnectMiddleware middleware, Consumer<EngineIoSocket> opened,
            Consumer<String> refusedEarly, Function<String, String> describe) {
        ConnectInterceptor interceptor = new ConnectInterceptor(name, middleware, refusedEarly, describe);
        // Registered after the library's own listener (added when the server was built), so the
        // interceptor finds the library's data listener on the connection and can take it over.
        engine.on("connection", args -> {
            EngineIoSocket connection = (EngineIoSocket) args[0];
            opened.accept(connection);
            interceptor.attach(connection);
        });
        return server.namespace(name);
    }
}
