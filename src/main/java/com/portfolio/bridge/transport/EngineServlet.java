package com.portfolio.bridge.transport;

import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.metrics.BridgeMetrics;
import com.portfolio.bridge.socketio.HandshakeBuffer;
import com.portfolio.bridge.socketio.HeldPoll;
import com.portfolio.bridge.socketio.PollingPost;
import com.portfolio.bridge.socketio.Queries;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The HTTP long-polling side of Engine.IO at /socket.io/. WebSocket upgrades on the same path
 * never get here: Liberty hands them to {@link EngineEndpoint} first. Around the library it
 * applies CORS, the protocol's error answers and the payload bound the library lacks.
 */
@WebServlet(urlPatterns = "/socket.io/*", asyncSupported = true, loadOnStartup = 1)
public class EngineServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(EngineServlet.class.getName());

    // No EJB call per request: the namespace's plain view, kept by EngineAccess.
    @Inject
    private transient EngineAccess engines;

    @Inject
    private transient BridgeConfig config;

    @Inject
    private transient PollWriters writers;

    @Inject
    private transient BridgeMetrics metrics;

    private transient OriginPolicy origins;
    private final transient PendingPolls polls = new PendingPolls();

    @Override
    public void init() {
        origins = new OriginPolicy(config.corsOrigins());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean crossSiteAllowed = cors(request, response);
        if ("OPTIONS".equals(request.getMethod())) {
            response.setStatus(crossSiteAllowed ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Map<String, String> query = Queries.decode(request.getQueryString());
        String sid = query.get("sid");
        if (!"4".equals(query.get("EIO"))) {
            EngineErrors.UNSUPPORTED_PROTOCOL_VERSION.write(response);
        } else if (sid == null) {
            HandshakeBuffer.newSession(engines.requests().engine(), request, response, config.engine().maxPayloadBytes());
        } else if (!engines.requests().isOpen(sid)) {
            // Unknown, or closed by us and only waiting for the heartbeat to reclaim it.
            EngineErrors.UNKNOWN_SID.write(response);
        } else if ("POST".equals(request.getMethod())) {
            push(request, response, sid);
        } else if ("GET".equals(request.getMethod())) {
            poll(request, response, sid);
        } else {
            // The library answers other methods with an empty 500.
            EngineErrors.BAD_REQUEST.write(response);
        }
    }

    private void push(HttpServletRequest request, HttpServletResponse response, String sid) throws IOException {
        PollingPost.Verdict verdict = PollingPost.handle(engines.requests().engine(), request, response, config.engine().maxPayloadBytes());
        if (verdict == PollingPost.Verdict.OK) {
            return;
        }
        boolean tooLarge = verdict == PollingPost.Verdict.TOO_LARGE;
        LOG.info(() -> "closing session " + sid + ": " + (tooLarge ? "POST over maxPayload" : "malformed POST"));
        engines.requests().close(sid);
        (tooLarge ? EngineErrors.PAYLOAD_TOO_LARGE : EngineErrors.BAD_REQUEST).write(response);
    }

    private void poll(HttpServletRequest request, HttpServletResponse response, String sid) throws IOException {
        Object token = polls.begin(sid);
        if (token == null) {
            LOG.info(() -> "closing session " + sid + ": a second poll while one is open");
            engines.requests().close(sid);
            EngineErrors.BAD_REQUEST.write(response);
            return;
        }
        PollAnswer answer = new PollAnswer(response, writers, () -> polls.end(sid, token), failure -> pollNotTaken(sid, failure));
        try {
            new HeldPoll(request, response, answer).handle(engines.requests().engine(), () -> engines.requests().isGone(sid));
        } finally {
            polls.endWhenDone(request, sid, token);
        }
    }

    /**
     * CORS headers for allow-listed origins only, never "*" with credentials (the library's default).
     * @return true if the request's origin may read the response cross-site
     */
    private boolean cors(HttpServletRequest request, HttpServletResponse response) {
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

    /** A poll's answer missed its deadline (or the client went away): the client is cut. */
    private void pollNotTaken(String sid, IOException failure) {
        boolean stalled = WriteTimeouts.isTimeout(failure);
        if (stalled) {
            LOG.warning(() -> "closing the polling session of " + engines.requests().describe(sid)
                    + ": client stopped reading (answer not taken within " + config.engine().writeStallMs() + " ms)");
            metrics.stalledClientCut("polling");
        } else {
            LOG.info(() -> "closing polling session " + sid + ": answer not delivered: " + failure);
        }
        engines.requests().cut(sid);
    }
}
