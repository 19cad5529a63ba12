package com.portfolio.bridge.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.parser.Packet;
import io.socket.engineio.server.parser.Parser;
import io.socket.engineio.server.utils.ParseQS;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** engine.io-server 6.3.2's HTTP edges — protocol version, POST bodies, methods, CORS, query parsing — that EngineServlet and PollingPost work around. */
class HttpAssumptionsTest {

    private static final String POLLING = "EIO=4&transport=polling";

    /** EngineServlet, EngineEndpoint: the library takes any EIO other than 4 (or none) as protocol v3 instead of refusing it. */
    @Test
    void anEioOtherThan4FallsBackToProtocolV3() throws IOException {
        for (String eio : List.of("EIO=3&", "EIO=5&", "EIO=banana&", "")) {
            EngineRig rig = new EngineRig();
            HttpExchange handshake = rig.send(HttpExchange.sync("GET", eio + "transport=polling"));
            assertEquals(200, handshake.status, eio);
            assertEquals(3, rig.last().getProtocolVersion(), eio);
        }
        EngineRig rig = new EngineRig();
        rig.webSocket("EIO=5&transport=websocket");
        assertEquals(3, rig.last().getProtocolVersion());
    }

    /** PollingPost.replay: the library reads a POST body as exactly getContentLength() bytes (the replay keeps the request's length). */
    @Test
    void aPollingPostIsReadAsExactlyContentLengthBytes() throws IOException {
        EngineRig rig = new EngineRig();
        String sid = rig.pollingHandshake();
        List<Object> data = new ArrayList<>();
        rig.last().on("data", (Emitter.Listener) args -> data.add(args[0]));
        HttpExchange post = HttpExchange.sync("POST", POLLING + "&sid=" + sid).body("4hello\u001e4world");
        post.contentLength = "4hello".length();
        rig.send(post);
        assertEquals(List.of("hello"), data);
        assertEquals("ok", post.body());
    }

    /** PollingPost.replay (not handled): without a Content-Length (a chunked POST) the library fails sizing its buffer. */
    @Test
    void aPollingPostWithoutContentLengthFailsInTheLibrary() throws IOException {
        EngineRig rig = new EngineRig();
        String sid = rig.pollingHandshake();
        HttpExchange chunked = HttpExchange.sync("POST", POLLING + "&sid=" + sid).body("4hello");
        chunked.contentLength = -1;
        assertThrows(NegativeArraySizeException.class, () -> rig.send(chunked));
    }

    /** PollingPost.wellFormed: the v4 payload parser reports every malformed payload by throwing a RuntimeException, never as an "error" packet. */
    @Test
    void theV4PayloadParserThrowsOnAMalformedPayload() {
        Parser.DecodePayloadCallback<Object> none = (packet, index, total) -> true;
        assertThrows(NumberFormatException.class, () -> Parser.PROTOCOL_V4.decodePayload("xyz", none));
        assertThrows(NullPointerException.class, () -> Parser.PROTOCOL_V4.decodePayload("9abc", none), "an unknown digit type");
        assertThrows(IllegalArgumentException.class, () -> Parser.PROTOCOL_V4.decodePayload("b!!!", none), "bad base64");
        assertThrows(StringIndexOutOfBoundsException.class, () -> Parser.PROTOCOL_V4.decodePayload("4a\u001e\u001e4b", none));
        List<String> types = new ArrayList<>();
        Parser.PROTOCOL_V4.decodePayload("4a\u001e0\u001e6", (packet, index, total) -> types.add(packet.type));
        assertEquals(List.of(Packet.MESSAGE, Packet.OPEN, Packet.NOOP), types);
    }

    /** PollingPost, EngineServlet.push: a malformed POST throws out of handleRequest (a 500 with a stack trace); a parseable one is answered 200 "ok". */
    @Test
    void aMalformedPollingPostThrowsOutOfHandleRequest() throws IOException {
        EngineRig rig = new EngineRig();
        String sid = rig.pollingHandshake();
        assertThrows(NumberFormatException.class, () -> rig.send(HttpExchange.sync("POST", POLLING + "&sid=" + sid).body("xyz")));
        assertThrows(NullPointerException.class, () -> rig.send(HttpExchange.sync("POST", POLLING + "&sid=" + sid).body("9abc")));
        HttpExchange meaningless = rig.send(HttpExchange.sync("POST", POLLING + "&sid=" + sid).body("0"));
        assertEquals(200, meaningless.status);
        assertEquals("ok", meaningless.body());
    }

    /** EngineServlet.service: the library answers a method other than GET/POST on a session with an empty 500. */
    @Test
    void otherMethodsOnASessionAreAnsweredWithAnEmpty500() throws IOException {
        EngineRig rig = new EngineRig();
        String sid = rig.pollingHandshake();
        HttpExchange put = rig.send(HttpExchange.sync("PUT", POLLING + "&sid=" + sid));
        assertEquals(500, put.status);
        assertEquals("", put.body());
    }

    /** SocketIoEngine (CORS disabled), EngineServlet: the library's CORS default answers every origin, with credentials. */
    @Test
    void theCorsDefaultAllowsEveryOriginWithCredentials() throws IOException {
        HttpExchange open = HttpExchange.sync("GET", POLLING);
        open.headers.put("Origin", "https://evil.example");
        new EngineRig(options -> options.setCorsHandlingDisabled(false), null).send(open);
        assertEquals("https://evil.example", open.responseHeaders.get("Access-Control-Allow-Origin"));
        assertEquals("true", open.responseHeaders.get("Access-Control-Allow-Credentials"));
        HttpExchange disabled = HttpExchange.sync("GET", POLLING);
        disabled.headers.put("Origin", "https://evil.example");
        new EngineRig().send(disabled);
        assertTrue(disabled.responseHeaders.isEmpty(), disabled.responseHeaders.toString());
    }

    /** Queries.decode (for EngineServlet, EngineEndpoint): ParseQS.decode throws on a missing query, a repeated key or a bad escape. */
    @Test
    void parseQsThrowsOnAMissingQueryARepeatedKeyOrABadEscape() {
        assertEquals(Map.of("EIO", "4", "transport", "polling"), ParseQS.decode(POLLING));
        assertThrows(NullPointerException.class, () -> ParseQS.decode(null));
        assertThrows(IllegalStateException.class, () -> ParseQS.decode("EIO=4&EIO=4"));
        assertThrows(IllegalArgumentException.class, () -> ParseQS.decode("EIO=%zz"));
    }
}
