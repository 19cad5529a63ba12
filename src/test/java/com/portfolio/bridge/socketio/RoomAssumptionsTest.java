package com.portfolio.bridge.socketio;

import static com.portfolio.bridge.socketio.EngineRig.NSP;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socket.socketio.server.SocketIoSocket.ReceivedByLocalAcknowledgementCallback;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.IOParser;
import io.socket.socketio.server.parser.Packet;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** socket.io-server 4.1.2's rooms, adapter, encoding and emit arguments, as RoomRegistry, Delivery, Sockets and the handlers use them. */
class RoomAssumptionsTest {

    private static final String WS = "EIO=4&transport=websocket";

    /** PortfolioNamespace.start: casts namespace.getAdapter() to the RoomRegistry its adapter factory made. */
    @Test
    void theNamespacesAdapterIsTheOneItsFactoryMade() {
        List<RecordingAdapter> made = new ArrayList<>();
        EngineRig rig = new EngineRig(options -> { }, ns -> {
            RecordingAdapter adapter = new RecordingAdapter(ns, new CopyOnWriteArrayList<>());
            made.add(adapter);
            return adapter;
        });
        assertSame(made.get(made.size() - 1), rig.namespace.getAdapter());
    }

    /** socketio/RoomAdapter (RoomRegistry, PortfolioNamespace.admitted): the own-id join is the adapter's first add, before the ack; a join made inside it lands too. */
    @Test
    void theOwnIdRoomIsTheFirstAddBeforeTheAckAndAJoinInsideItLands() {
        List<String> log = new CopyOnWriteArrayList<>();
        EngineRig rig = new EngineRig(options -> { }, ns -> new RecordingAdapter(ns, log));
        RecordingAdapter adapter = (RecordingAdapter) rig.namespace.getAdapter();
        MemoryWebSocket ws = rig.webSocket(WS);
        adapter.onOwnRoom = socket -> {
            log.add("frames:" + ws.frames.size());
            socket.joinRoom("user:u1");
        };
        SocketIoSocket socket = rig.connect(ws);
        assertEquals(List.of("add:" + socket.getId(), "frames:1", "add:user:u1"), log, "no ack written yet at the own-id add");
        assertTrue(ws.texts().get(1).startsWith("40" + NSP + ","));
        assertEquals(Set.of(socket.getId(), "user:u1"), Set.of(adapter.listClientRooms(socket)));
    }

    /** RecoveryHooks ("disconnecting"), RoomPresence.left: rooms are still held at "disconnecting", each left through remove() before "disconnect". */
    @Test
    void everyRoomIsLeftThroughRemoveBetweenDisconnectingAndDisconnect() {
        List<String> log = new CopyOnWriteArrayList<>();
        EngineRig rig = new EngineRig(options -> { }, ns -> new RecordingAdapter(ns, log));
        MemoryWebSocket ws = rig.webSocket(WS);
        SocketIoSocket socket = rig.connect(ws);
        socket.joinRoom("user:u1", "conversation:c1");
        socket.on("disconnecting", args -> log.add("disconnecting"));
        socket.on("disconnect", args -> log.add("disconnect"));
        log.clear();
        ws.emit("close");
        assertEquals("disconnecting", log.get(0));
        assertEquals("disconnect", log.get(log.size() - 1));
        assertEquals(Set.of("remove:conversation:c1", "remove:user:u1", "remove:" + socket.getId()),
                Set.copyOf(log.subList(1, log.size() - 1)));
        assertEquals(5, log.size());
    }

    /** RoomRegistry (replaces the memory adapter): the library's memory adapter writes a broadcast while holding its one lock (joins, leaves and every room wait). */
    @Test
    void theMemoryAdapterWritesABroadcastUnderItsOneLock() {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        rig.connect(ws).joinRoom("room");
        List<Boolean> held = new ArrayList<>();
        ws.onWrite = frame -> held.add(Thread.holdsLock(rig.namespace.getAdapter()));
        rig.namespace.broadcast("room", "ev", "x");
        assertEquals(List.of(true), held);
    }

    /** RoomRegistry.broadcast: the memory adapter encodes a broadcast once per socket (RoomRegistry encodes once). */
    @Test
    void theMemoryAdapterEncodesABroadcastOncePerSocket() {
        EngineRig rig = new EngineRig();
        for (int i = 0; i < 3; i++) {
            rig.connect(rig.webSocket(WS)).joinRoom("room");
        }
        AtomicInteger encodings = new AtomicInteger();
        JSONObject counted = new JSONObject() {
            @Override
            public Writer write(Writer writer, int indentFactor, int indent) {
                encodings.incrementAndGet();
                return super.write(writer, indentFactor, indent);
            }
        };
        rig.namespace.broadcast("room", "ev", counted.put("a", 1));
        assertEquals(3, encodings.get());
    }

    /** Delivery (Frames.eventOpen/event/eventWithOffset), Sockets.send, RoomRegistry.broadcast: a hand-built "2/nsp,[...]" frame sent as an engine MESSAGE is what socket.send writes. */
    @Test
    void aHandBuiltEventFrameIsWhatTheLibrarySends() {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        SocketIoSocket socket = rig.connect(ws);
        socket.send("message:new", new JSONObject("{\"id\":\"m1\"}"), "0-1");
        String handBuilt = "2" + NSP + ",[" + JSONObject.quote("message:new") + "," + "{\"id\":\"m1\"}" + ",\"0-1\"]";
        rig.last().send(new io.socket.engineio.server.parser.Packet<>(io.socket.engineio.server.parser.Packet.MESSAGE, handBuilt));
        List<String> texts = ws.texts();
        assertEquals(texts.get(texts.size() - 2), texts.get(texts.size() - 1));
        Packet<JSONArray> packet = new Packet<>(2, new JSONArray().put("ev").put(new byte[] {7}));
        packet.nsp = NSP;
        List<Object> frames = new ArrayList<>();
        new IOParser.Encoder().encode(packet, encoded -> frames.addAll(Arrays.asList(encoded)));
        assertEquals("51-" + NSP + ",[\"ev\",{\"_placeholder\":true,\"num\":0}]", frames.get(0));
        assertInstanceOf(byte[].class, frames.get(1), "binary arguments become extra frames, sent after the text one");
    }

    /** ConversationHandlers (acks), any socket.send: emit and ack arguments must be org.json types, strings, numbers, booleans or byte[]. */
    @Test
    void emitArgumentsMustBeOrgJsonTypes() {
        EngineRig rig = new EngineRig();
        SocketIoSocket socket = rig.connect(rig.webSocket(WS));
        assertThrows(IllegalArgumentException.class, () -> socket.send("ev", Map.of("a", 1)));
        assertThrows(IllegalArgumentException.class, () -> socket.send("ev", List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> socket.send("ev", new Object()));
        assertDoesNotThrow(() -> socket.send("ev", new JSONObject().put("a", 1), new JSONArray().put(1), "s", 1, 2.5, true,
                new byte[] {1}));
    }

    /** ConversationHandlers.enqueue: an event with an ack id hands the listener a ReceivedByLocalAcknowledgementCallback as its last argument. */
    @Test
    void anEventAskingForAnAckGetsACallbackAsItsLastArgument() {
        EngineRig rig = new EngineRig();
        MemoryWebSocket ws = rig.webSocket(WS);
        SocketIoSocket socket = rig.connect(ws);
        List<Object[]> calls = new ArrayList<>();
        socket.on("join-conversation", args -> calls.add(args));
        ws.receive("42" + NSP + ",[\"join-conversation\",\"c1\"]");
        ws.receive("42" + NSP + ",7[\"join-conversation\",\"c2\"]");
        assertEquals(List.of("c1"), List.of(calls.get(0)));
        assertEquals("c2", calls.get(1)[0]);
        ReceivedByLocalAcknowledgementCallback ack = assertInstanceOf(ReceivedByLocalAcknowledgementCallback.class, calls.get(1)[1]);
        ack.sendAcknowledgement(new JSONObject().put("ok", true));
        assertEquals("43" + NSP + ",7[{\"ok\":true}]", ws.texts().get(ws.texts().size() - 1));
        assertFalse(calls.get(0).length > 1);
    }
}
