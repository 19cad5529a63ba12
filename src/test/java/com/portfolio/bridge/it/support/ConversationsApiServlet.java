package com.portfolio.bridge.it.support;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test deployments only: plays the platform's conversation API for portfolio.access.mode=api.
 * Ids starting with "forbidden" → 403, "missing" → 404, "broken" → 500, anything else → 200.
 * Remembers the Authorization header it last saw per id.
 */
@WebServlet("/test-support/api/conversations/*")
public class ConversationsApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final Map<String, String> LAST_AUTHORIZATION = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String id = request.getPathInfo().substring(1);
        String authorization = request.getHeader("Authorization");
        LAST_AUTHORIZATION.put(id, authorization == null ? "" : authorization);
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            response.setStatus(401);
        } else if (id.startsWith("forbidden")) {
            response.setStatus(403);
        } else if (id.startsWith("missing")) {
            response.setStatus(404);
        } else if (id.startsWith("broken")) {
            response.setStatus(500);
        } else {
            response.setStatus(200);
        }
    }
}
