package com.portfolio.bridge.transport;

import com.portfolio.bridge.config.BridgeConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Counts new Engine.IO sessions (requests to /socket.io/ without a sid, polling handshakes and
 * WebSocket upgrades alike) per client IP, and refuses those over the limit with 429.
 */
@WebFilter(urlPatterns = "/socket.io/*", asyncSupported = true)
public class NewSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(NewSessionFilter.class.getName());

    @Inject
    private transient BridgeConfig config;

    private transient ConnectRateLimit limit;

    @Override
    public void init() {
        limit = new ConnectRateLimit(config.limits().connectsPerIpPerMinute(), config.limits().connectExemptIps());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean newSession = request.getQueryString() == null || !request.getQueryString().contains("sid=");
        if (newSession && !"OPTIONS".equals(request.getMethod()) && !limit.admit(request.getRemoteAddr())) {
            LOG.info(() -> "refused a new session from " + request.getRemoteAddr() + ": over the per-IP connect limit");
            byte[] body = "{\"code\":3,\"message\":\"Too many connects\"}".getBytes(StandardCharsets.UTF_8);
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }
}
