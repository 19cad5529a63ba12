package com.portfolio.bridge.transport;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Engine.IO's HTTP error answers: a status with {"code":n,"message":"..."}. */
enum EngineErrors {
    UNKNOWN_SID(400, 1, "Session ID unknown"),
    BAD_REQUEST(400, 3, "Bad request"),
    PAYLOAD_TOO_LARGE(413, 3, "Payload too large"),
    UNSUPPORTED_PROTOCOL_VERSION(400, 5, "Unsupported protocol version"),
    TOO_MANY_CONNECTS(429, 3, "Too many connects"),
    AT_CAPACITY(503, 3, "Server at capacity"),
    SHUTTING_DOWN(503, 3, "Server shutting down");

    private final int status;
    private final int code;
    private final String message;

    EngineErrors(int status, int code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    void write(HttpServletResponse response) throws IOException {
        byte[] body = ("{\"code\":" + code + ",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
