package com.portfolio.bridge.socketio;

import io.socket.engineio.server.EngineIoServer;
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
 * could POST its CONNECT and be told "unknown sid". The handshake runs synchronously (a request
 * that is not async-supported, with sync polling allowed), into a buffer released afterwards.
 */
public final class HandshakeBuffer {

    private HandshakeBuffer() {
    }

    /**
     * A request without a session id: a GET (the polling handshake) is held back until the
     * session is registered, and its open packet gains the maxPayload the library leaves out;
     * any other method goes to the engine as it is.
     */
    public static void newSession(EngineIoServer engine, HttpServletRequest request, HttpServletResponse response,
            long maxPayload) throws IOException {
        if (!"GET".equalsIgnoreCase(request.getMethod())) {
            engine.handleRequest(request, response);
            return;
        }
        BufferedOutput body = new BufferedOutput(bytes -> { });
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        engine.handleRequest(new HttpServletRequestWrapper(request) {
            @Override
            public boolean isAsyncSupported() {
                return false;
            }
        }, new HttpServletResponseWrapper(response) {
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
        });
        writer.flush();
        byte[] bytes = body.bytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (Frames.isOpenPacket(text)) {
            bytes = Frames.openWithMaxPayload(text, maxPayload).getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
