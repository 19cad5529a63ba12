package com.portfolio.bridge.socketio;

import static com.portfolio.bridge.socketio.EngineRig.CONNECT_TIMEOUT_MS;
import static com.portfolio.bridge.socketio.EngineRig.NSP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.socketio.ManualScheduler.Task;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoSocket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How socket.io-server 4.1.2 ends sockets and connections, as Sockets, Connections, ConnectDeadlines and Recovery rely on it. */
class SocketIoCloseAssumptionsTest {

    private static final String WS = "EIO=4&transport=websocket";

    /** ConnectDeadlines, SocketIoEngine: the library's CONNECT timeout is never cancelled, and closes a connection whose socket has left. */
    @Test
    void theLibrarysConnectTimeoutIsNeverCancelledAndClosesAConnectionWhoseSocketLeft() {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        EngineIoSocket connection = rig.last();
        rig.connect(ws);
        Task timeout = rig.scheduler.latest(CONNECT_TIMEOUT_MS);
        assertFalse(timeout.isCancelled());
        ws.receive("41" + NSP + ",");
        timeout.run();
        assertEquals(ReadyState.CLOSING, connection.getReadyState());
        assertEquals(1, ws.closes);
    }

    /** ConnectDeadlines: the library's CONNECT timeout drops every "close" listener (the engine's session map, ours) before the connection has closed. */
    @Test
    void theLibrarysConnectTimeoutDropsEveryCloseListenerOfTheConnection() throws IOException {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        EngineIoSocket connection = rig.last();
        AtomicInteger ours = new AtomicInteger();
        connection.on("close", args -> ours.incrementAndGet());
        rig.scheduler.latest(CONNECT_TIMEOUT_MS).run();
        assertTrue(connection.listeners("close").isEmpty());
        assertEquals(ReadyState.CLOSING, connection.getReadyState());
        ws.emit("close");
        assertEquals(ReadyState.CLOSED, connection.getReadyState());
        assertEquals(0, ours.get(), "our close listener never ran");
        assertTrue(rig.knows(connection.getId()), "the engine never forgot the session");
    }

    /** SocketIoEngine (library timeout = ours + 1 s), ConnectDeadlines: the library's CONNECT timeout leaves a connection already closing alone. */
    @Test
    void theLibrarysConnectTimeoutLeavesAConnectionAlreadyClosingAlone() throws IOException {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        EngineIoSocket connection = rig.last();
        int listeners = connection.listeners("close").size();
        connection.close();
        rig.scheduler.latest(CONNECT_TIMEOUT_MS).run();
        assertEquals(listeners, connection.listeners("close").size());
        ws.emit("close");
        assertFalse(rig.knows(connection.getId()), "the engine forgot it as usual");
    }

    /** Sockets.end: socket.disconnect(true) drops every "close" listener of the connection, so it is never used. */
    @Test
    void disconnectWithCloseDropsEveryCloseListenerOfTheConnection() throws IOException {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        EngineIoSocket connection = rig.last();
        SocketIoSocket socket = rig.connect(ws);
        AtomicInteger ours = new AtomicInteger();
        connection.on("close", args -> ours.incrementAndGet());
        socket.disconnect(true);
        assertTrue(connection.listeners("close").isEmpty());
        ws.emit("close");
        assertEquals(ReadyState.CLOSED, connection.getReadyState());
        assertEquals(0, ours.get());
        assertTrue(rig.knows(connection.getId()));
    }

    /** Sockets.end, Connections.cut: disconnect(false) writes DISCONNECT and leaves the connection open, its listeners in place, for our close after it. */
    @Test
    void disconnectWithoutCloseSendsDisconnectAndLeavesTheConnectionOpen() {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        EngineIoSocket connection = rig.last();
        SocketIoSocket socket = rig.connect(ws);
        int listeners = connection.listeners("close").size();
        socket.disconnect(false);
        assertFalse(socket.isConnected());
        assertEquals("41" + NSP + ",", ws.texts().get(ws.texts().size() - 1));
        assertEquals(ReadyState.OPEN, connection.getReadyState());
        assertEquals(listeners, connection.listeners("close").size());
        connection.close();
        assertEquals(1, ws.closes, "the close comes after the DISCONNECT frame");
    }

    /** Sockets.finishClose (Connections.cut/sweep): a synthetic emit("close", reason, null) runs the engine's and the Socket.IO client's cleanup. */
    @Test
    void aSyntheticCloseEventRunsTheEnginesAndTheClientsCleanup() throws IOException {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        EngineIoSocket connection = rig.last();
        SocketIoSocket socket = rig.connect(ws);
        List<Object> reasons = new ArrayList<>();
        socket.on("disconnect", args -> reasons.add(args[0]));
        connection.emit("close", "transport error", null);
        assertFalse(rig.knows(connection.getId()), "the engine's session map forgot it");
        assertFalse(socket.isConnected());
        assertEquals(List.of("transport error"), reasons);
        assertEquals(0, rig.namespace.getAdapter().listClients(socket.getId()).length);
    }

    /** Recovery.RECOVERABLE, SocketMetrics.disconnected: the "disconnect" reasons are the library's fixed strings. */
    @Test
    void disconnectReasonsAreTheLibrarysFixedStrings() {
        assertEquals("transport close", reason((rig, ws, socket) -> ws.emit("close")));
        assertEquals("transport error", reason((rig, ws, socket) -> ws.emit("error", "websocket error", "boom")));
        assertEquals("ping timeout", reason((rig, ws, socket) -> rig.scheduler.latest(45_000).run()));
        assertEquals("client namespace disconnect", reason((rig, ws, socket) -> ws.receive("41" + NSP + ",")));
        assertEquals("server namespace disconnect", reason((rig, ws, socket) -> socket.disconnect(false)));
        assertEquals("server namespace disconnect", reason((rig, ws, socket) -> socket.disconnect(true)),
                "disconnect(true) too: the client ends its sockets before it closes (never \"forced server close\")");
    }

    private interface Ending {
        void end(EngineRig rig, MemoryWebSocket ws, SocketIoSocket socket);
    }

    /** The reason "disconnecting" and then "disconnect" carry (they must agree). */
    private static String reason(Ending ending) {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        SocketIoSocket socket = rig.connect(ws);
        List<Object> disconnecting = new ArrayList<>();
        List<Object> disconnect = new ArrayList<>();
        socket.on("disconnecting", args -> disconnecting.add(args[0]));
        socket.on("disconnect", args -> disconnect.add(args[0]));
        ending.end(rig, ws, socket);
        assertEquals(disconnect, disconnecting);
        assertEquals(1, disconnect.size(), disconnect.toString());
        return (String) disconnect.get(0);
    }
}
