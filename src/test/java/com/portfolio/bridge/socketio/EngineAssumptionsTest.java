package com.portfolio.bridge.socketio;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.engineio.server.parser.Packet;
import io.socket.socketio.server.SocketIoServerOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** What the bridge relies on in engine.io-server 6.3.2 beyond its documented API: options, emitter, WebSocket transport, timers. */
class EngineAssumptionsTest {

    private static final String WS = "EIO=4&transport=websocket";

    /** SocketIoEngine: builds fresh options with newFromDefault(); the library's DEFAULT instances are locked. */
    @Test
    void defaultOptionsAreLockedAndNewFromDefaultGivesAnUnlockedCopy() {
        assertThrows(IllegalStateException.class, () -> EngineIoServerOptions.DEFAULT.setPingInterval(1));
        assertThrows(IllegalStateException.class, () -> SocketIoServerOptions.DEFAULT.setAdapterFactory(null));
        EngineIoServerOptions fresh = EngineIoServerOptions.newFromDefault();
        assertDoesNotThrow(() -> fresh.setPingInterval(1234));
        assertEquals(EngineIoServerOptions.DEFAULT.getPingTimeout(), fresh.getPingTimeout());
        fresh.setScheduledExecutorService(new ManualScheduler());
        new EngineIoServer(fresh);
        assertThrows(IllegalStateException.class, () -> fresh.setPingInterval(1), "a server locks the options it was built on");
    }

    /** ConnectInterceptor.attach: keeps what listeners("data") returned, then calls off("data"); that list must survive. */
    @Test
    void listenersReturnsASnapshotThatOutlivesOff() {
        EngineRig rig = new EngineRig();
        rig.webSocket(WS);
        EngineIoSocket connection = rig.last();
        List<Emitter.Listener> library = connection.listeners("data");
        connection.off("data");
        assertEquals(1, library.size());
        assertTrue(connection.listeners("data").isEmpty());
    }

    /** ConnectInterceptor.fail: logs and closes the connection itself, since the engine's emitter swallows a listener's exception. */
    @Test
    void listenerExceptionsAreSwallowedByTheEmitter() {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        EngineIoSocket connection = rig.last();
        connection.on("data", (Emitter.Listener) args -> {
            throw new IllegalStateException("boom");
        });
        List<Object> later = new ArrayList<>();
        connection.on("data", (Emitter.Listener) args -> later.add(args[0]));
        assertDoesNotThrow(() -> ws.receive("42/portfolio,[\"x\"]"));
        assertEquals(List.of("2/portfolio,[\"x\"]"), later, "the listeners after the thrower still run");
        assertEquals(ReadyState.OPEN, connection.getReadyState());
    }

    /** EngineWebSocket.write (Frames.openSid, openWithMaxPayload): the first frame of a WebSocket session is the open packet; an upgrade's first is "3probe". */
    @Test
    void theFirstWebSocketFrameIsTheOpenPacketAndAnUpgradesIsTheProbeAnswer() throws IOException {
        EngineRig rig = new EngineRig();
        MemoryWebSocket direct = rig.webSocket(WS);
        String open = direct.texts().get(0);
        assertTrue(open.startsWith("0{"), open);
        assertEquals(rig.last().getId(), new JSONObject(open.substring(1)).getString("sid"));
        String sid = rig.pollingHandshake();
        MemoryWebSocket upgrade = rig.webSocket(WS + "&sid=" + sid);
        assertTrue(upgrade.frames.isEmpty());
        upgrade.receive("2probe");
        assertEquals(List.of("3probe"), upgrade.texts());
    }

    /** EngineWebSocket.Outbound, transport.OutboundQueue: write() runs on the sender's thread holding the connection's lock, so it must never block. */
    @Test
    void webSocketWritesRunOnTheSendersThreadUnderTheConnectionLock() throws Exception {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        EngineIoSocket connection = rig.last();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> writer = new AtomicReference<>();
        ws.onWrite = frame -> {
            if ("4first".equals(frame)) {
                writer.set(Thread.currentThread());
                writing.countDown();
                assertDoesNotThrow(() -> release.await(5, SECONDS));
            }
        };
        Thread first = new Thread(() -> connection.send(new Packet<>(Packet.MESSAGE, "first")));
        first.start();
        assertTrue(writing.await(5, SECONDS));
        assertSame(first, writer.get(), "the engine writes on the sender's thread");
        Thread second = new Thread(() -> connection.send(new Packet<>(Packet.MESSAGE, "second")));
        second.start();
        long deadline = System.nanoTime() + SECONDS.toNanos(5);
        while (second.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
            Thread.yield();
        }
        assertEquals(Thread.State.BLOCKED, second.getState(), "a second sender waits for the write in progress");
        release.countDown();
        first.join(5_000);
        second.join(5_000);
        assertEquals(List.of("4first", "4second"), ws.texts().subList(1, 3));
    }

    /** EngineWebSocket.close/closed: the engine calls close() and stays CLOSING until the socket emits "close". */
    @Test
    void closingAWebSocketConnectionCallsCloseAndWaitsForItsCloseEvent() throws IOException {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        EngineIoSocket connection = rig.last();
        List<Object> reasons = new ArrayList<>();
        connection.on("close", args -> reasons.add(args[0]));
        connection.close();
        assertEquals(1, ws.closes);
        assertEquals(ReadyState.CLOSING, connection.getReadyState());
        assertTrue(reasons.isEmpty());
        assertTrue(rig.knows(connection.getId()));
        ws.emit("close");
        assertEquals(ReadyState.CLOSED, connection.getReadyState());
        assertEquals(List.of("transport close"), reasons);
        assertFalse(rig.knows(connection.getId()));
    }

    /** Connections.opened (Sockets.openedOnWebSocket): a polling session moved to WebSocket is told by "upgrade"; getInitialQuery() stays the handshake's. */
    @Test
    void upgradeFiresAnUpgradeEventAndKeepsTheHandshakesInitialQuery() throws IOException {
        EngineRig rig = new EngineRig();
        String sid = rig.pollingHandshake();
        EngineIoSocket connection = rig.last();
        AtomicInteger upgrades = new AtomicInteger();
        connection.on("upgrade", args -> upgrades.incrementAndGet());
        MemoryWebSocket ws = rig.webSocket(WS + "&sid=" + sid);
        ws.receive("2probe");
        assertEquals(0, upgrades.get());
        ws.receive("5");
        assertEquals(1, upgrades.get());
        assertEquals("polling", connection.getInitialQuery().get("transport"));
        connection.send(new Packet<>(Packet.MESSAGE, "after"));
        assertTrue(ws.texts().contains("4after"));
    }

    /** Timers: heartbeats and the CONNECT timeout are one-shot schedule(Runnable, ms) calls on the executor we supply; Timers overrides only those. */
    @Test
    void timersAreOneShotRunnablesScheduledInMillisecondsOnTheSuppliedExecutor() throws IOException {
        EngineRig rig = new EngineRig();
        rig.pollingHandshake();
        MemoryWebSocket ws = rig.webSocket(WS);
        rig.connect(ws);
        ws.receive("3");
        assertEquals(List.of(), rig.scheduler.refused, "no execute/submit/schedule(Callable)/fixed-rate call");
        assertTrue(rig.scheduler.tasks.stream().allMatch(t -> t.unit == TimeUnit.MILLISECONDS));
        Set<Long> delays = rig.scheduler.tasks.stream().map(t -> t.delay).collect(Collectors.toSet());
        assertEquals(Set.of(25_000L, 45_000L, EngineRig.CONNECT_TIMEOUT_MS), delays,
                "ping interval, ping interval + timeout after a packet, the CONNECT timeout");
        rig.scheduler.latest(25_000).run();
        assertEquals("2", ws.texts().get(ws.texts().size() - 1), "the ping goes out when its task runs");
        assertEquals(20_000, rig.scheduler.tasks.get(rig.scheduler.tasks.size() - 1).delay, "then the ping timeout");
    }

    /** PortfolioNamespace.stop: closes every connection itself; engine.shutdown() only forgets them and leaves our executor running. */
    @Test
    void shutdownNeitherClosesConnectionsNorStopsASuppliedExecutor() throws IOException {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        EngineIoSocket connection = rig.last();
        rig.engine.shutdown();
        assertEquals(ReadyState.OPEN, connection.getReadyState());
        assertEquals(0, ws.closes);
        assertFalse(rig.scheduler.isShutdown());
        assertFalse(rig.knows(connection.getId()));
    }

    /** EngineWebSocket.received: a binary message emitted as byte[] on the engine's WebSocket reaches the data listeners as byte[]. */
    @Test
    void binaryWebSocketMessagesReachDataListenersAsByteArrays() {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        List<Object> data = new ArrayList<>();
        rig.last().on("data", (Emitter.Listener) args -> data.add(args[0]));
        ws.emit("message", (Object) new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) data.get(0));
    }

    /** EngineWebSocket.failed: an "error" event on the engine's WebSocket closes the connection ("transport error") and the transport. */
    @Test
    void anErrorEventOnTheEnginesWebSocketClosesTheConnection() throws IOException {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        EngineIoSocket connection = rig.last();
        List<Object> reasons = new ArrayList<>();
        connection.on("close", args -> reasons.add(args[0]));
        ws.emit("error", "websocket error", "broken pipe");
        assertEquals(List.of("transport error"), reasons);
        assertEquals(ReadyState.CLOSED, connection.getReadyState());
        assertEquals(1, ws.closes);
        assertFalse(rig.knows(connection.getId()));
    }
}
