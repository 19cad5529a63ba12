package com.portfolio.bridge.socketio;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.parser.Packet;
import io.socket.engineio.server.parser.Parser;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A polling POST, read with a bound (the library reads it whole, without a limit) and checked
 * to be a well-formed Engine.IO v4 payload (a malformed one throws out of the library) before
 * the engine sees it, replayed from memory.
 */
public final class PollingPost {

    public enum Verdict { OK, TOO_LARGE, MALFORMED }

    private PollingPost() {
    }

    /** Hands the POST to the engine if it is {@link Verdict#OK}; else the engine never sees it. */
    public static Verdict handle(EngineIoServer engine, HttpServletRequest request, HttpServletResponse response,
            long maxPayload) throws IOException {
        if (request.getContentLengthLong() > maxPayload) {
            return Verdict.TOO_LARGE;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPayload + 1));
        }
        if (body.length > maxPayload) {
            return Verdict.TOO_LARGE;
        }
        if (!wellFormed(body)) {
            return Verdict.MALFORMED;
        }
        engine.handleRequest(replay(request, body), response);
        return Verdict.OK;
    }

    /**
     * The request with its body replayed from memory. Its length too: the library sizes its
     * read by the Content-Length, and a chunked POST has none.
     */
    private static HttpServletRequest replay(HttpServletRequest request, byte[] body) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() {
                return new Replay(body);
            }

            @Override
            public int getContentLength() {
                return body.length;
            }

            @Override
            public long getContentLengthLong() {
                return body.length;
            }
        };
    }

    private static boolean wellFormed(byte[] body) {
        if (body.length == 0) {
            return false;
        }
        boolean[] ok = {true};
        try {
            Parser.PROTOCOL_V4.decodePayload(new String(body, StandardCharsets.UTF_8), (packet, index, total) -> {
                ok[0] = !Packet.ERROR.equals(packet.type);
                return ok[0];
            });
        } catch (RuntimeException e) {
            // The library's parser throws on a malformed payload instead of reporting an error packet.
            return false;
        }
        return ok[0];
    }

    /** A body already in memory, as a servlet input stream. */
    static final class Replay extends ServletInputStream {
        private final ByteArrayInputStream in;

        Replay(byte[] body) {
            this.in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body is already in memory");
        }
    }
}
