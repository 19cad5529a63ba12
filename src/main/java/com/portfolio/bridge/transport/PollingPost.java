package com.portfolio.bridge.transport;

import io.socket.engineio.server.parser.Packet;
import io.socket.engineio.server.parser.Parser;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a polling POST body with a bound (the library reads it whole, without a limit) and
 * checks it is a well-formed Engine.IO v4 payload before the library sees it.
 */
final class PollingPost {

    enum Verdict { OK, TOO_LARGE, MALFORMED }

    private final byte[] body;
    private final Verdict verdict;

    private PollingPost(byte[] body, Verdict verdict) {
        this.body = body;
        this.verdict = verdict;
    }

    static PollingPost read(HttpServletRequest request, long maxPayload) throws IOException {
        if (request.getContentLengthLong() > maxPayload) {
            return new PollingPost(null, Verdict.TOO_LARGE);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPayload + 1));
        }
        if (body.length > maxPayload) {
            return new PollingPost(null, Verdict.TOO_LARGE);
        }
        return new PollingPost(body, wellFormed(body) ? Verdict.OK : Verdict.MALFORMED);
    }

    Verdict verdict() {
        return verdict;
    }

    /**
     * The request as the library expects it, its body replayed from what was read here. Its
     * length too: the library sizes its read by the Content-Length, and a chunked POST has none.
     */
    HttpServletRequest replay(HttpServletRequest request) {
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
                if (Packet.ERROR.equals(packet.type)) {
                    ok[0] = false;
                    return false;
                }
                return true;
            });
        } catch (RuntimeException e) {
            // The library's parser throws on an unknown packet type instead of reporting an error packet.
            return false;
        }
        return ok[0];
    }

    private static final class Replay extends ServletInputStream {
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
