package com.portfolio.bridge.it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A minimal Socket.IO v5 / Engine.IO v4 client over the JDK's WebSocket, for tests that run
 * inside the server (the JavaScript client covers the browser side). It speaks the real wire
 * format to the real endpoint; nothing is stubbed.
 */
public final class RawSocketClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    // One client (one selector thread) for every connection, so tests can open thousands.
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String NSP = "/portfolio";

    public record Event(String name, Object argument) {
    }

    private final BlockingQueue<String> control = new LinkedBlockingQueue<>();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<Integer, CompletableFuture<JSONArray>> acks = new ConcurrentHashMap<>();
    private final AtomicInteger ackIds = new AtomicInteger();
    private volatile WebSocket webSocket;
    private volatile boolean stalled;
    private String socketId;

    private RawSocketClient() {
    }

    /** Opens the transport and sends CONNECT; returns once the server answered it either way. */
    public static RawSocketClient connect(int port, String token) throws Exception {
        JSONObject auth = token == null ? new JSONObject() : new JSONObject().put("token", token);
        return connect(port, "", Map.of(), auth);
    }

    /** As {@link #connect(int, String)}, with extra query parameters and handshake headers. */
    public static RawSocketClient connect(int port, String query, Map<String, String> headers, JSONObject auth)
            throws Exception {
        RawSocketClient client = open(port, query, headers);
        client.expectControl("0");
        client.send("40" + NSP + "," + auth);
        String answer = client.expectControl("4");
        if (answer.startsWith("40" + NSP + ",")) {
            client.socketId = new JSONObject(answer.substring(3 + NSP.length())).getString("sid");
        }
        client.lastConnectAnswer = answer;
        return client;
    }

    /** Only the WebSocket; the caller drives the protocol with {@link #send} and {@link #expectControl}. */
    public static RawSocketClient open(int port, String query, Map<String, String> headers) throws Exception {
        return openWithQuery(port, "EIO=4&transport=websocket" + query, headers);
    }

    /** A WebSocket to /socket.io/ with exactly this query string. */
    public static RawSocketClient openWithQuery(int port, String query, Map<String, String> headers) throws Exception {
        RawSocketClient client = new RawSocketClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        headers.forEach(builder::header);
        client.webSocket = builder
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket.io/?" + query), new Receiver(client))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    private String lastConnectAnswer;

    public boolean connected() {
        return socketId != null;
    }

    public String socketId() {
        return socketId;
    }

    /** The CONNECT_ERROR payload, if the server refused. */
    public JSONObject connectError() {
        return lastConnectAnswer.startsWith("44" + NSP + ",")
                ? new JSONObject(lastConnectAnswer.substring(3 + NSP.length())) : null;
    }

    public JSONArray emitWithAck(String event, Object argument) throws Exception {
        int id = ackIds.incrementAndGet();
        CompletableFuture<JSONArray> answer = new CompletableFuture<>();
        acks.put(id, answer);
        send("42" + NSP + "," + id + new JSONArray().put(event).put(argument));
        return answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    public Event nextEvent() throws Exception {
        Event event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (event == null) {
            throw new TimeoutException("no event within " + WAIT);
        }
        return event;
    }

    /** The next event if one comes within {@code limit}, else null. */
    public Event nextEventWithin(Duration limit) throws InterruptedException {
        return events.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A fresh id per test, so tests never see each other's events. */
    public static String unique(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** Events received so far and not yet taken. */
    public int pendingEvents() {
        return events.size();
    }

    @Override
    public void close() {
        webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    /** Stops reading from the connection, like a client whose app froze or whose network died. */
    public void stall() {
        stalled = true;
    }

    /** Drops the TCP connection without a close handshake. */
    public void abort() {
        webSocket.abort();
    }

    public void send(String frame) {
        webSocket.sendText(frame, true).join();
    }

    /** A control frame received and not yet taken (a DISCONNECT, "closed <code>"), or null: never waits. */
    public String peekControl() {
        return control.peek();
    }

    /** The next frame that is not an event or an ack (open, CONNECT answers, DISCONNECT, "closed <code>"). */
    public String expectControl(String prefix) throws Exception {
        String frame = control.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (frame == null || !frame.startsWith(prefix)) {
            throw new IllegalStateException("expected a frame starting with " + prefix + ", got " + frame);
        }
        return frame;
    }

    private void onFrame(String frame) {
        if (frame.equals("2")) {
            send("3");
        } else if (frame.startsWith("42" + NSP + ",")) {
            JSONArray data = new JSONArray(frame.substring(3 + NSP.length()));
            events.add(new Event(data.getString(0), data.length() > 1 ? data.get(1) : null));
        } else if (frame.startsWith("43" + NSP + ",")) {
            String rest = frame.substring(3 + NSP.length());
            int bracket = rest.indexOf('[');
            CompletableFuture<JSONArray> answer = acks.remove(Integer.parseInt(rest.substring(0, bracket)));
            if (answer != null) {
                answer.complete(new JSONArray(rest.substring(bracket)));
            }
        } else {
            control.add(frame);
        }
    }

    private static final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final RawSocketClient client;

        Receiver(RawSocketClient client) {
            this.client = client;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                client.onFrame(frame);
            }
            if (!client.stalled) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            client.control.add("closed " + statusCode);
            return null;
        }
    }
}
