package com.portfolio.bridge.access;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * Asks the platform's REST API, with the user's own token, whether the user may see a
 * conversation: 2xx allows, 403/404 forbid, anything else (errors, timeouts) is "unavailable"
 * and never allows. Answers are cached briefly per user and conversation.
 */
public final class ApiAccess implements ConversationAccess {

    private static final Logger LOG = Logger.getLogger(ApiAccess.class.getName());

    private final String urlTemplate;
    private final Duration timeout;
    private final DecisionCache cache;
    private final HttpClient http;

    public ApiAccess(String urlTemplate, Duration timeout, Duration cacheFor) {
        if (!urlTemplate.contains("{conversationId}")) {
            throw new IllegalStateException("portfolio.access.api-url must contain {conversationId}");
        }
        this.urlTemplate = urlTemplate;
        this.timeout = timeout;
        this.cache = new DecisionCache(cacheFor);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public CompletionStage<AccessDecision> check(String userId, String bearerToken, String conversationId) {
        AccessDecision cached = cache.get(userId, conversationId);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        URI uri = URI.create(urlTemplate.replace("{conversationId}",
                URLEncoder.encode(conversationId, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    AccessDecision decision = failure != null ? AccessDecision.UNAVAILABLE : decide(response.statusCode());
                    if (decision == AccessDecision.UNAVAILABLE) {
                        LOG.warning(() -> "access check for conversation " + conversationId + " unavailable: "
                                + (failure != null ? failure.toString() : "HTTP " + response.statusCode()));
                    } else {
                        cache.put(userId, conversationId, decision);
                    }
                    return decision;
                });
    }

    static AccessDecision decide(int status) {
        return status >= 200 && status < 300 ? AccessDecision.ALLOWED
                : status == 403 || status == 404 ? AccessDecision.FORBIDDEN : AccessDecision.UNAVAILABLE;
    }
}
