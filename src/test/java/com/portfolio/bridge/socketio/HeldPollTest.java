package com.portfolio.bridge.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.engineio.server.parser.Packet;
import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HeldPoll against the engine: the answer is handed over, not written, and the engine's complete() does nothing. */
class HeldPollTest {

    private static final String POLLING = "EIO=4&transport=polling";

    private final List<String> answers = new ArrayList<>();
    private final List<AsyncContext> contexts = new ArrayList<>();
    private final HeldPoll.Answer answer = (body, started) -> {
        answers.add(new String(body, StandardCharsets.UTF_8));
        contexts.add(started);
    };

    @Test
    void theEnginesAnswerIsHandedOverWithTheRealContextAndItsCompleteIgnored() throws IOException {
        EngineRig rig = new EngineRig();
        String sid = rig.pollingHandshake();
        HttpExchange poll = new HttpExchange("GET", POLLING + "&sid=" + sid);
        new HeldPoll(poll.request(), poll.response(), answer).handle(rig.engine, () -> false);
        assertEquals(List.of(), answers, "parked until there is something to send");
        rig.last().send(new Packet<>(Packet.MESSAGE, "hi"));
        assertEquals(List.of("4hi"), answers);
        assertSame(poll.started, contexts.get(0));
        assertEquals("", poll.body(), "nothing written to the real response");
        assertFalse(poll.log.stream().anyMatch(event -> event.startsWith("complete")), poll.log.toString());
    }

    @Test
    void aPollParkedOnAClosedSessionIsAnsweredWithANoopOnceTheSessionIsGone() throws IOException {
        EngineRig rig = new EngineRig();
        String sid = rig.pollingHandshake();
        EngineIoSocket connection = rig.last();
        rig.send(new HttpExchange("GET", POLLING + "&sid=" + sid));
        HttpExchange racing = new HttpExchange("GET", POLLING + "&sid=" + sid);
        racing.onFirstGetMethod = connection::close;
        new HeldPoll(racing.request(), racing.response(), answer).handle(rig.engine, () -> connection.getReadyState() == ReadyState.CLOSED);
        assertEquals(List.of(Frames.NOOP), answers);
        assertSame(racing.started, contexts.get(0));
    }
}
