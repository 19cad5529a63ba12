package com.portfolio.bridge.api;

import com.portfolio.bridge.auth.AuthenticatedUser;
import com.portfolio.bridge.auth.JoseTokenVerifier;
import com.portfolio.bridge.auth.TokenRejectedException;
import com.portfolio.bridge.auth.ApiSettings;
import com.portfolio.bridge.auth.TokenSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * Only services may call the API: a bearer token verified with {@code portfolio.api.jwt.*} that
 * carries the required scope. A user's socket token has no such scope and is refused (403).
 * With no API key configured outside dev, the API does not exist (404 everywhere).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ServiceAuth implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(ServiceAuth.class.getName());

    @Inject
    private TokenSettings tokens;

    private volatile JoseTokenVerifier verifier;

    @Override
    public void filter(ContainerRequestContext request) {
        ApiSettings api = tokens.api();
        if (!api.enabled()) {
            request.abortWith(Problem.of(404, "Not Found", "the API is off: no portfolio.api.jwt key is configured", null));
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.abortWith(unauthorized("missing", "send Authorization: Bearer <service token>"));
            return;
        }
        try {
            AuthenticatedUser service = verifier(api).verify(header.substring(7).trim());
            if (!service.scopes().contains(api.requiredScope())) {
                LOG.info(() -> "API call refused: token of " + service.userId() + " lacks scope " + api.requiredScope());
                request.abortWith(Response.fromResponse(Problem.of(403, "Forbidden",
                        "the token lacks the scope '" + api.requiredScope() + "' (in scope or scp)", null))
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\""
                                + api.requiredScope() + "\"").build());
            }
        } catch (TokenRejectedException e) {
            request.abortWith(unauthorized(e.reason().code(), "token refused: " + e.reason().code()));
        }
    }

    private static Response unauthorized(String reason, String detail) {
        return Response.fromResponse(Problem.of(401, "Unauthorized", detail, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\"" + reason + "\"")
                .build();
    }

    private JoseTokenVerifier verifier(ApiSettings api) {
        JoseTokenVerifier current = verifier;
        if (current == null) {
            current = new JoseTokenVerifier(api.jwt().orElseThrow());
            verifier = current;
        }
        return current;
    }
}
