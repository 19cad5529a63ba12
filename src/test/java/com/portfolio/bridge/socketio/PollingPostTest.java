package com.portfolio.bridge.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socket.engineio.server.Emitter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PollingPost against the engine: only a bounded, well-formed POST reaches it, replayed with its length. */
class PollingPostTest {

    private static final String POLLING = "EIO=4&transport=polling&sid=";

    @Test
    void aChunkedPostReachesTheEngineWithTheLengthItWasReadWith() throws IOException {
        EngineRig rig = new EngineRig();
        String sid = rig.pollingHandshake();
        List<Object> data = new ArrayList<>();
        rig.last().on("data", (Emitter.Listener) args -> data.add(args[0]));
        HttpExchange chunked = HttpExchange.sync("POST", POLLING + sid)
                .body("42/portfolio,[\"a\"]\u001e42/portfolio,[\"b\"]");
        chunked.contentLength = -1;
        assertEquals(PollingPost.Verdict.OK, PollingPost.handle(rig.engine, chunked.request(), chunked.response(), 100));
        assertEquals(List.of("2/portfolio,[\"a\"]", "2/portfolio,[\"b\"]"), data, "read whole, by the replay's length");
        assertEquals("ok", chunked.body());
    }

    @Test
    void aMalformedOrOversizedPostNeverReachesTheEngine() throws IOException {
        EngineRig rig = new EngineRig();
        String sid = rig.pollingHandshake();
        List<Object> data = new ArrayList<>();
        rig.last().on("data", (Emitter.Listener) args -> data.add(args[0]));
        for (String malformed : List.of("", "xyz", "9abc", "b!!!", "4a\u001e\u001e4b")) {
            HttpExchange post = HttpExchange.sync("POST", POLLING + sid).body(malformed);
            assertEquals(PollingPost.Verdict.MALFORMED, PollingPost.handle(rig.engine, post.request(), post.response(), 100), malformed);
        }
        HttpExchange declared = HttpExchange.sync("POST", POLLING + sid).body("4hello");
        assertEquals(PollingPost.Verdict.TOO_LARGE, PollingPost.handle(rig.engine, declared.request(), declared.response(), 5));
        HttpExchange chunked = HttpExchange.sync("POST", POLLING + sid).body("4hello");
        chunked.contentLength = -1;
        assertEquals(PollingPost.Verdict.TOO_LARGE, PollingPost.handle(rig.engine, chunked.request(), chunked.response(), 5));
        assertEquals(List.of(), data);
    }
}
