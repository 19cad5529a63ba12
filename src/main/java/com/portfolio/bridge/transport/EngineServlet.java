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

    @EJB
    private transient PortfolioNamespace namespace;

    @Inject
    private transient BridgeConfig config;

    private transient OriginPolicy origins;
    private final transient PendingPolls polls = new PendingPolls();

    @Override
    public void init() {
        origins = new OriginPolicy(config.corsOrigins());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean crossSiteAllowed = Cors.apply(origins, request, response);
        if ("OPTIONS".equals(request.getMethod())) {
            response.setStatus(crossSiteAllowed ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Map<String, String> query = ParseQS.decode(request.getQueryString());
        String sid = query.get("sid");
        if (!"4".equals(query.get("EIO"))) {
            EngineErrors.UNSUPPORTED_PROTOCOL_VERSION.write(response);
        } else if (HandshakeBuffer.isPollingHandshake(request, sid)) {
            HandshakeBuffer buffer = new HandshakeBuffer(request, response);
            namespace.engine().handleRequest(buffer.request(), buffer.response());
            buffer.release(response, config.engine().maxPayloadBytes());
        } else if (sid != null && !namespace.isConnectionOpen(sid)) {
            // Unknown, or closed by us and only waiting for the heartbeat to reclaim it.
            EngineErrors.UNKNOWN_SID.write(response);
        } else if (sid != null && "POST".equals(request.getMethod())) {
            push(request, response, sid);
        } else if (sid != null && "GET".equals(request.getMethod())) {
            poll(request, response, sid);
        } else if (sid != null) {
            // The library answers other methods with an empty 500.
            EngineErrors.BAD_REQUEST.write(response);
        } else {
            namespace.engine().handleRequest(request, response);
        }
    }

    private void push(HttpServletRequest request, HttpServletResponse response, String sid) throws IOException {
        PollingPost post = PollingPost.read(request, config.engine().maxPayloadBytes());
        if (post.verdict() == PollingPost.Verdict.OK) {
            namespace.engine().handleRequest(post.replay(request), response);
            return;
        }
        boolean tooLarge = post.verdict() == PollingPost.Verdict.TOO_LARGE;
        LOG.info(() -> "closing session " + sid + ": " + (tooLarge ? "POST over maxPayload" : "malformed POST"));
        namespace.closeConnection(sid);
        (tooLarge ? EngineErrors.PAYLOAD_TOO_LARGE : EngineErrors.BAD_REQUEST).write(response);
    }

    private void poll(HttpServletRequest request, HttpServletResponse response, String sid) throws IOException {
        if (!polls.begin(sid)) {
            LOG.info(() -> "closing session " + sid + ": a second poll while one is open");
            namespace.closeConnection(sid);
            EngineErrors.BAD_REQUEST.write(response);
            return;
        }
        try {
            namespace.engine().handleRequest(request, polls.track(response, sid));
            answerPollOfClosedSession(request, response, sid);
        } finally {
            polls.endWhenDone(request, sid);
        }
    }

    /**
     * The engine looks a session up before taking its lock, so a poll that races the session's
     * close is parked on the dead transport and would hang until the async timeout (3 min).
     * The session's close event has run by the time it is no longer open, so if the poll is
     * still parked then, nobody else will ever answer it: it gets the noop a poll open at
     * close time gets.
     */
    private void answerPollOfClosedSession(HttpServletRequest request, HttpServletResponse response, String sid)
            throws IOException {
        if (namespace.isConnectionGone(sid) && request.isAsyncStarted()) {
            response.setContentType("text/plain; charset=UTF-8");
            response.setContentLength(1);
            response.getOutputStream().write('6');
            request.getAsyncContext().complete();
        }
    }
}
