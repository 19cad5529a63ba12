package com.portfolio.bridge.it.support;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.json.JSONObject;

/**
 * Test deployments only: lets the JavaScript contract suite publish real JMS events.
 * POST {"destination":"notifications"|"messages","body":"...","properties":{...}} → 202.
 */
@WebServlet("/test-support/publish")
public class PublishServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JSONObject command = new JSONObject(new String(request.getInputStream().readAllBytes(), "UTF-8"));
        String destination = switch (command.getString("destination")) {
            case "notifications" -> BusPublisher.NOTIFICATIONS;
            case "messages" -> BusPublisher.MESSAGES;
            default -> null;
        };
        if (destination == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "destination: notifications or messages");
            return;
        }
        Map<String, String> properties = new HashMap<>();
        JSONObject given = command.optJSONObject("properties");
        if (given != null) {
            given.keySet().forEach(key -> properties.put(key, given.getString(key)));
        }
        try {
            BusPublisher.text(destination, command.getString("body"), properties);
        } catch (Exception e) {
            throw new IOException("publish failed", e);
        }
        response.setStatus(HttpServletResponse.SC_ACCEPTED);
    }
}
