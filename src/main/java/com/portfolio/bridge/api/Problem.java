package com.portfolio.bridge.api;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem documents: what went wrong, and which field, if one did. */
final class Problem {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    static Response of(int status, String title, String detail, String field) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (field != null) {
            body.add("field", field);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
    }

    static Response badRequest(String field, String detail) {
        return of(400, "Bad Request", detail, field);
    }
}
