package com.portfolio.bridge.transport;

import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import io.socket.engineio.server.utils.ParseQS;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The HTTP long-polling side of Engine.IO at /socket.io/. WebSocket upgrades on the same path
 * never get here: Liberty hands them to {@link EngineEndpoint} first.
 */
@WebServlet(urlPatterns = "/socket.io/*", asyncSupported = true, loadOnStartup = 1)
public class EngineServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient PortfolioNamespace namespace;

    @Inject
    private transient BridgeConfig config;

    private transient OriginPolicy origins;

    @Override
    public void init() {
        origins = new OriginPolicy(config.corsOrigins());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean crossSiteAllowed = applyCors(request, response);
        if ("OPTIONS".equals(request.getMethod())) {
            response.setStatus(crossSiteAllowed ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Map<String, String> query = ParseQS.decode(request.getQueryString());
        if (!"4".equals(query.get("EIO"))) {
            EngineErrors.write(response, EngineErrors.UNSUPPORTED_PROTOCOL_VERSION);
            return;
        }
        if (HandshakeBuffer.isPollingHandshake(request, query.get("sid"))) {
            HandshakeBuffer buffer = new HandshakeBuffer(request, response);
            namespace.engine().handleRequest(buffer.request(), buffer.response());
            buffer.release(response);
            return;
        }
        namespace.engine().handleRequest(request, response);
        answerPollOfClosedSession(request, response, query.get("sid"));
    }

    /**
     * The engine looks a session up before taking its lock, so a poll that races the session's
     * close is parked on the dead transport and would hang until the async timeout (3 min).
     * The session's close event has run by the time it is no longer open, so if the poll is
     * still parked then, nobody else will ever answer it.
     */
    private void answerPollOfClosedSession(HttpServletRequest request, HttpServletResponse response, String sid)
            throws IOException {
        if (sid != null && !namespace.isConnectionOpen(sid) && request.isAsyncStarted()) {
            EngineErrors.write(response, EngineErrors.UNKNOWN_SID);
            request.getAsyncContext().complete();
        }
    }

    /** Allow-listed origins only, never "*" with credentials (the library's own default). */
    private boolean applyCors(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (!origins.allowsCrossSite(origin)) {
            return false;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Allow-Credentials", "true");
        response.addHeader("Vary", "Origin");
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization");
            response.setHeader("Access-Control-Max-Age", "600");
        }
        return true;
    }
}
