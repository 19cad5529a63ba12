package com.portfolio.bridge.api;

import jakarta.jms.JMSRuntimeException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error the API answers is a problem document: unknown paths (404), wrong methods (405, with Allow), the rest. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            Response original = web.getResponse();
            Response.StatusType status = original.getStatusInfo();
            Response problem = Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail(status.getStatusCode()), null);
            String allow = original.getHeaderString(HttpHeaders.ALLOW);
            return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
        }
        if (failure instanceof JMSRuntimeException bus) {
            LOG.warning(() -> "API request not published: " + bus.getMessage());
            return Response.fromResponse(Problem.of(503, "Service Unavailable", "the bus is not reachable; retry", null))
                    .header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        LOG.log(Level.SEVERE, "API request failed", failure);
        return Problem.of(500, "Internal Server Error", "see the server log", null);
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "no such resource under /api/bridge/v1";
            case 405 -> "method not allowed on this resource (see Allow)";
            case 415 -> "unsupported media type: send application/json";
            default -> null;
        };
    }
}
