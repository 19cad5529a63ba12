package com.portfolio.bridge.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.Packet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** engine.io-server 6.3.2's long-polling, as HandshakeBuffer, HeldPoll and the transport's PendingPolls and EngineServlet rely on it. */
class PollingAssumptionsTest {

    private static final String POLLING = "EIO=4&transport=polling";

    /** HandshakeBuffer: the polling handshake writes (and closes) the open packet before the engine registers the session id. */
    @Test
    void thePollingHandshakeWritesTheOpenPacketBeforeRegisteringTheSid() throws IOException {
        EngineRig rig = new EngineRig();
        HttpExchange handshake = HttpExchange.sync("GET", POLLING);
        List<Boolean> knownWhenWritten = new ArrayList<>();
        handshake.onOutputClose = () -> {
            try {
                knownWhenWritten.add(rig.knows(new JSONObject(handshake.body().substring(1)).getString("sid")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        rig.send(handshake);
        assertEquals(List.of(false), knownWhenWritten, "a POST this fast is told \"Session ID unknown\"");
        assertTrue(rig.knows(rig.last().getId()));
    }

    /** HandshakeBuffer, SocketIoEngine (setAllowSyncPolling): a request that is not async-supported is answered at once, but only with sync polling allowed. */
    @Test
    void aRequestThatIsNotAsyncSupportedIsAnsweredSynchronouslyOnlyWithSyncPollingAllowed() throws IOException {
        HttpExchange refused = new EngineRig(options -> options.setAllowSyncPolling(false), null).send(HttpExchange.sync("GET", POLLING));
        assertEquals(400, refused.status);
        assertEquals("{\"code\": 4, \"message\": \"Forbidden\"}", refused.body());
        HttpExchange answered = new EngineRig().send(HttpExchange.sync("GET", POLLING));
        assertEquals(200, answered.status);
        assertTrue(answered.body().startsWith("0{"), answered.body());
        assertFalse(answered.log.contains("startAsync()"));
        assertTrue(answered.log.indexOf("close") > answered.log.indexOf("write"), "written and closed before handleRequest returns");
    }

    /** HandshakeBuffer.newSession, EngineWebSocket.write (Frames.openWithMaxPayload): the open packet carries no maxPayload, on either transport. */
    @Test
    void theOpenPacketLacksMaxPayloadOnBothTransports() throws IOException {
        EngineRig rig = new EngineRig();
        JSONObject polling = new JSONObject(rig.send(HttpExchange.sync("GET", POLLING)).body().substring(1));
        MemoryWebSocket ws = rig.webSocket("EIO=4&transport=websocket");
        JSONObject websocket = new JSONObject(ws.texts().get(0).substring(1));
        for (JSONObject open : List.of(polling, websocket)) {
            assertFalse(open.has("maxPayload"), open.toString());
            assertTrue(open.has("sid") && open.has("upgrades") && open.has("pingInterval") && open.has("pingTimeout"));
        }
    }

    /** PendingPolls: a second concurrent poll makes the library close the session; the open poll gets the close packet. */
    @Test
    void aSecondConcurrentPollClosesTheSession() throws IOException {
        EngineRig rig = new EngineRig();
        String sid = rig.pollingHandshake();
        EngineIoSocket connection = rig.last();
        HttpExchange first = rig.send(new HttpExchange("GET", POLLING + "&sid=" + sid));
        assertTrue(first.asyncStarted, "the first poll waits");
        List<Object> reasons = new ArrayList<>();
        connection.on("close", args -> reasons.add(args[0]));
        HttpExchange second = new HttpExchange("GET", POLLING + "&sid=" + sid);
        assertThrows(NullPointerException.class, () -> rig.send(second), "the library fails on the second poll itself");
        assertEquals(List.of("transport error"), reasons);
        assertEquals("1", first.body());
        assertEquals(200, first.status);
        assertFalse(rig.knows(sid));
    }

    /** HeldPoll, BufferedOutput: a poll starts async on our request, writes via getOutputStream + close, then completes through request.getAsyncContext(). */
    @Test
    void anAsyncPollWritesThroughTheStreamThenCompletesThroughTheRequestsAsyncContext() throws IOException {
        EngineRig rig = new EngineRig();
        String sid = rig.pollingHandshake();
        HttpExchange poll = new HttpExchange("GET", POLLING + "&sid=" + sid);
        poll.otherContext();
        rig.send(poll);
        assertEquals(List.of("startAsync()", "addListener@started", "setTimeout@started"), poll.log);
        rig.last().send(new Packet<>(Packet.MESSAGE, "hi"));
        assertEquals(List.of("startAsync()", "addListener@started", "setTimeout@started", "setContentType",
                "setContentLength", "getOutputStream", "write", "close", "isAsyncStarted", "getAsyncContext", "complete@current"),
                poll.log);
        assertEquals("4hi", poll.body());
    }

    /** HeldPoll.handle (the noop): a poll that looked the session up before it closed is parked for the 3-minute async timeout. */
    @Test
    void aPollThatRacesItsSessionsCloseIsParkedForTheThreeMinuteTimeout() throws IOException {
        EngineRig rig = new EngineRig();
        String sid = rig.pollingHandshake();
        EngineIoSocket connection = rig.last();
        HttpExchange open = rig.send(new HttpExchange("GET", POLLING + "&sid=" + sid));
        HttpExchange racing = new HttpExchange("GET", POLLING + "&sid=" + sid);
        racing.onFirstGetMethod = connection::close; // after the engine's lookup, inside the transport
        rig.send(racing);
        assertEquals("1", open.body(), "the poll open at close time got the close packet");
        assertFalse(rig.knows(sid));
        assertTrue(racing.asyncStarted);
        assertEquals(180_000, racing.asyncTimeout);
        assertEquals("", racing.body());
        assertFalse(racing.log.stream().anyMatch(event -> event.startsWith("complete")), "nobody will answer it");
    }

    /** EngineServlet (isOpen): a session closed with no poll open stays registered, and takes POSTs, until its next poll takes the close. */
    @Test
    void aSessionClosedWithoutAnOpenPollStaysRegisteredUntilItsNextPoll() throws IOException {
        EngineRig rig = new EngineRig();
        String sid = rig.pollingHandshake();
        rig.last().close();
        assertTrue(rig.knows(sid));
        HttpExchange post = rig.send(HttpExchange.sync("POST", POLLING + "&sid=" + sid).body("4late"));
        assertEquals(200, post.status);
        assertEquals("ok", post.body());
        HttpExchange poll = rig.send(HttpExchange.sync("GET", POLLING + "&sid=" + sid));
        assertEquals("6\u001e1", poll.body());
        assertFalse(rig.knows(sid));
    }
}
