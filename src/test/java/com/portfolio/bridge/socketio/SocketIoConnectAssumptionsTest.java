package com.portfolio.bridge.socketio;

import static com.portfolio.bridge.socketio.EngineRig.NSP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.Packet;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** socket.io-server 4.1.2's CONNECT flow as ConnectInterceptor and RecoveryHooks use it (it has no middleware). */
class SocketIoConnectAssumptionsTest {

    private static final String WS = "EIO=4&transport=websocket";

    /** SocketIoEngine.namespace: an engine "connection" listener added after new SocketIoServer(engine) finds the library's data listener attached. */
    @Test
    void theLibraryAttachesItsDataListenerInItsOwnEngineConnectionListener() {
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
        options.setScheduledExecutorService(new ManualScheduler());
        EngineIoServer engine = new EngineIoServer(options);
        List<Integer> before = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        engine.on("connection", args -> before.add(((EngineIoSocket) args[0]).listeners("data").size()));
        new SocketIoServer(engine);
        engine.on("connection", args -> after.add(((EngineIoSocket) args[0]).listeners("data").size()));
        engine.handleWebSocket(new MemoryWebSocket(EngineRig.query(WS)));
        assertEquals(List.of(0), before);
        assertEquals(List.of(1), after);
    }

    /** ConnectInterceptor.attach/onData: the data listeners can be taken over; the library connects only on what we forward. */
    @Test
    void theDataListenersCanBeTakenOverAndForwarded() {
        EngineRig rig = new EngineRig();
        List<Object> seen = new ArrayList<>();
        List<Object> forwarded = new ArrayList<>();
        rig.engine.on("connection", args -> {
            EngineIoSocket connection = (EngineIoSocket) args[0];
            List<Emitter.Listener> library = connection.listeners("data");
            connection.off("data");
            connection.on("data", (Emitter.Listener) data -> {
                seen.add(data[0]);
                if (!((String) data[0]).startsWith("0/refused")) {
                    forwarded.add(data[0]);
                    library.forEach(listener -> listener.call(data));
                }
            });
        });
        List<SocketIoSocket> connected = new ArrayList<>();
        rig.namespace.on("connection", args -> connected.add((SocketIoSocket) args[0]));
        MemoryWebSocket ws = rig.webSocket(WS);
        ws.receive("40/refused,");
        assertEquals(1, ws.frames.size(), "nothing answered what we held back");
        ws.receive("40" + NSP + ",{\"token\":\"t\"}");
        assertEquals(List.of("0/refused,", "0" + NSP + ",{\"token\":\"t\"}"), seen);
        assertEquals(1, connected.size());
    }

    /** ConnectInterceptor, ConnectMiddleware: socket.io-server-java has no middleware; the CONNECT ack is on the wire before the namespace's "connection" fires. */
    @Test
    void connectAckIsSentBeforeTheConnectionEventFires() {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        List<String> atConnection = new ArrayList<>();
        List<SocketIoSocket> sockets = new ArrayList<>();
        rig.namespace.on("connection", args -> {
            sockets.add((SocketIoSocket) args[0]);
            atConnection.addAll(ws.texts());
        });
        ws.receive("40" + NSP + ",");
        assertEquals("40" + NSP + ",{\"sid\":\"" + sockets.get(0).getId() + "\"}", atConnection.get(atConnection.size() - 1));
    }

    /** ConnectInterceptor, ConnectMiddleware: so refusing in the "connection" event gives the client connect-then-disconnect, not connect_error. */
    @Test
    void disconnectingInTheConnectionEventGivesTheClientConnectThenDisconnect() {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        rig.namespace.on("connection", args -> ((SocketIoSocket) args[0]).disconnect(false));
        ws.receive("40" + NSP + ",");
        List<String> texts = ws.texts();
        assertTrue(texts.get(1).startsWith("40" + NSP + ",{\"sid\":"), texts.toString());
        assertEquals("41" + NSP + ",", texts.get(2));
    }

    /** ConnectInterceptor (the pid): the engine's "flush" hands over the live packets once, right before writing them; changing one changes the frame. */
    @Test
    void connectAckCanBeRewrittenInTheFlushEvent() {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        EngineIoSocket connection = rig.last();
        String prefix = "0" + NSP + ",{";
        List<Integer> framesAtFlush = new ArrayList<>();
        connection.on("flush", args -> {
            framesAtFlush.add(ws.frames.size());
            for (Object item : (Collection<?>) args[0]) {
                @SuppressWarnings("unchecked")
                Packet<Object> packet = (Packet<Object>) item;
                if (packet.data instanceof String text && text.startsWith(prefix)) {
                    packet.data = "0" + NSP + "," + new JSONObject(text.substring(prefix.length() - 1)).put("pid", "p-1");
                }
            }
        });
        ws.receive("40" + NSP + ",");
        assertEquals(List.of(1), framesAtFlush, "one flush, before the ack was written");
        JSONObject ack = new JSONObject(ws.texts().get(1).substring(("40" + NSP + ",").length()));
        assertEquals("p-1", ack.getString("pid"));
        assertTrue(ack.has("sid"));
    }

    /** ConnectInterceptor (Frames.connectError): the hand-built CONNECT_ERROR ("4/nsp,{message}") is the library's own for an unknown namespace. */
    @Test
    void anUnknownNamespaceIsRefusedWithTheConnectErrorFramesBuilds() {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        ws.receive("40/nope,");
        String ours = "4" + "/nope," + new JSONObject().put("message", "Invalid namespace");
        assertEquals("4" + ours, ws.texts().get(1));
    }

    /** RecoveryHooks, Restores, Delivery, Connections (keyed by Handshake.connectionId): socket.getClient().getId() is the Engine.IO connection's id. */
    @Test
    void theClientIdIsTheConnectionId() {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        SocketIoSocket socket = rig.connect(ws);
        assertEquals(rig.last().getId(), socket.getClient().getId());
        assertSame(rig.last(), socket.getClient().getConnection());
    }

    /** ConnectInterceptor (Handshake headers/query), TokenSources: a connection's initial headers and query are its WebSocket's, or its polling handshake request's. */
    @Test
    void theConnectionsInitialHeadersAndQueryAreItsHandshakes() throws IOException {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS + "&token=q");
        assertEquals(ws.getConnectionHeaders(), rig.last().getInitialHeaders());
        assertEquals("q", rig.last().getInitialQuery().get("token"));
        HttpExchange polling = HttpExchange.sync("GET", "EIO=4&transport=polling&token=q");
        polling.headers.put("Authorization", "Bearer t");
        rig.send(polling);
        assertEquals(Map.of("Authorization", List.of("Bearer t")), rig.last().getInitialHeaders());
        assertEquals("q", rig.last().getInitialQuery().get("token"));
    }
}
