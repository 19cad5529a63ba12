package com.portfolio.bridge.transport;

import com.portfolio.bridge.socketio.Frames;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Holds back a polling handshake's response until the engine has registered the new session.
 * engine.io-server writes the open packet before it stores the session id, so a fast client
 * could POST its CONNECT and be told "unknown sid". The handshake runs synchronously (the open
 * packet is ready at once), into a buffer that is released after handleRequest returns.
 */
final class HandshakeBuffer {

    private final BufferedOutput body = new BufferedOutput(bytes -> { });
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    HandshakeBuffer(HttpServletRequest request, HttpServletResponse response) {
        this.request = new HttpServletRequestWrapper(request) {
            @Override
            public boolean isAsyncSupported() {
                return false;
            }
        };
        this.response = new HttpServletResponseWrapper(response) {
            private final PrintWriter writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));

            @Override
            public ServletOutputStream getOutputStream() {
                return body;
            }

            @Override
            public PrintWriter getWriter() {
                return writer;
            }

            @Override
            public void flushBuffer() {
                writer.flush();
            }
        };
    }

    static boolean isPollingHandshake(HttpServletRequest request, String sid) {
        return sid == null && "GET".equalsIgnoreCase(request.getMethod());
    }

    HttpServletRequest request() {
        return request;
    }

    HttpServletResponse response() {
        return response;
    }

    /** Sends the held-back answer; an open packet gains the maxPayload the library leaves out. */
    void release(HttpServletResponse real, long maxPayload) throws IOException {
        response.flushBuffer();
        byte[] bytes = body.bytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (Frames.isOpenPacket(text)) {
            bytes = Frames.openWithMaxPayload(text, maxPayload).getBytes(StandardCharsets.UTF_8);
        }
        real.setContentLength(bytes.length);
        real.getOutputStream().write(bytes);
        real.flushBuffer();
    }
}
