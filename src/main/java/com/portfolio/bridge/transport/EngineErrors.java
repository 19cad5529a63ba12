package com.portfolio.bridge.transport;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Engine.IO's HTTP error answers: status 400 with {"code":n,"message":"..."}. */
final class EngineErrors {

    static final EngineErrors UNKNOWN_SID = new EngineErrors(1, "Session ID unknown");
    static final EngineErrors UNSUPPORTED_PROTOCOL_VERSION = new EngineErrors(5, "Unsupported protocol version");

    private final int code;
    private final String message;

    private EngineErrors(int code, String message) {
        this.code = code;
        this.message = message;
    }

    static void write(HttpServletResponse response, EngineErrors error) throws IOException {
        byte[] body = ("{\"code\":" + error.code + ",\"message\":\"" + error.message + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
