package com.portfolio.bridge.socketio;

import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoAdapter;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoServerOptions;
import io.socket.socketio.server.SocketIoSocket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.json.JSONObject;

/** The engine and Socket.IO server as SocketIoEngine sets them up, on a clock that only moves when told. */
final class EngineRig {

    static final String NSP = "/portfolio";
    /** Unlike every engine timer (25 s, 20 s, 45 s), so its task is easy to find. */
    static final long CONNECT_TIMEOUT_MS = 46_000;

    final ManualScheduler scheduler = new ManualScheduler();
    final EngineIoServer engine;
    final SocketIoServer io;
    final SocketIoNamespace namespace;
    final List<EngineIoSocket> connections = new CopyOnWriteArrayList<>();

    EngineRig() {
        this(options -> { }, null);
    }

    EngineRig(Consumer<EngineIoServerOptions> tweak, SocketIoAdapter.AdapterFactory adapters) {
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
        options.setCorsHandlingDisabled(true);
        options.setAllowSyncPolling(true);
        options.setScheduledExecutorService(scheduler);
        tweak.accept(options);
        engine = new EngineIoServer(options);
        SocketIoServerOptions socketOptions = SocketIoServerOptions.newFromDefault();
        socketOptions.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        socketOptions.setAdapterFactory(adapters);
        io = new SocketIoServer(engine, socketOptions);
        engine.on("connection", args -> connections.add((EngineIoSocket) args[0]));
        namespace = io.namespace(NSP);
    }

    /** A query string as the engine's WebSocket transport hands it over. */
    static Map<String, String> query(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            map.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return map;
    }

    MemoryWebSocket webSocket(String queryText) {
        MemoryWebSocket ws = new MemoryWebSocket(query(queryText));
        engine.handleWebSocket(ws);
        return ws;
    }

    EngineIoSocket last() {
        return connections.get(connections.size() - 1);
    }

    /** The client's CONNECT to /portfolio on {@code ws}; the socket the namespace announced. */
    SocketIoSocket connect(MemoryWebSocket ws) {
        List<SocketIoSocket> made = new ArrayList<>();
        Emitter.Listener grab = args -> made.add((SocketIoSocket) args[0]);
        namespace.on("connection", grab);
        ws.receive("40" + NSP + ",");
        namespace.off("connection", grab);
        return made.get(0);
    }

    HttpExchange send(HttpExchange http) throws IOException {
        engine.handleRequest(http.request(), http.response());
        return http;
    }

    /** A synchronous polling handshake; the new session's id. */
    String pollingHandshake() throws IOException {
        HttpExchange http = send(HttpExchange.sync("GET", "EIO=4&transport=polling"));
        return new JSONObject(http.body().substring(1)).getString("sid");
    }

    /** Whether the engine still holds the session: a PUT is refused "Session ID unknown" only if not. */
    boolean knows(String sid) throws IOException {
        HttpExchange probe = send(HttpExchange.sync("PUT", "EIO=4&transport=polling&sid=" + sid));
        return !(probe.status == 400 && probe.body().contains("\"code\": 1"));
    }
}
