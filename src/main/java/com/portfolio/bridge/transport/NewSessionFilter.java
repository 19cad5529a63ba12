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
import java.util.logging.Logger;

/**
 * Admits new Engine.IO sessions (requests to /socket.io/ without a sid, polling handshakes and
 * WebSocket upgrades alike): 503 past the node's connection cap, 429 over the per-IP limit.
 * Both close the HTTP connection, so a refused client holds no descriptor while it waits.
 */
@WebFilter(urlPatterns = "/socket.io/*", asyncSupported = true)
public class NewSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(NewSessionFilter.class.getName());

    @Inject
    private transient BridgeConfig config;

    @Inject
    private transient Admission admission;

    private transient ConnectRateLimit limit;

    @Override
    public void init() {
        limit = new ConnectRateLimit(config.limits().connectsPerIpPerMinute(), config.limits().connectExemptIps());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean newSession = request.getQueryString() == null || !request.getQueryString().contains("sid=");
        if (newSession && !"OPTIONS".equals(request.getMethod())) {
            if (admission.shuttingDown()) {
                LOG.fine(() -> "refused a new session from " + request.getRemoteAddr() + ": draining for shutdown");
                refuse(response, EngineErrors.SHUTTING_DOWN, "1");
                return;
            }
            if (admission.full()) {
                LOG.fine(() -> "refused a new session from " + request.getRemoteAddr() + ": at the connection cap");
                refuse(response, EngineErrors.AT_CAPACITY, "5");
                return;
            }
            if (!limit.admit(request.getRemoteAddr())) {
                LOG.info(() -> "refused a new session from " + request.getRemoteAddr() + ": over the per-IP connect limit");
                refuse(response, EngineErrors.TOO_MANY_CONNECTS, "60");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, EngineErrors error, String retryAfterSeconds)
            throws IOException {
        response.setHeader("Retry-After", retryAfterSeconds);
        response.setHeader("Connection", "close");
        error.write(response);
    }
}
