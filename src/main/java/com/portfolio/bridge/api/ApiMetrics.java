package com.portfolio.bridge.api;

import com.portfolio.bridge.metrics.BridgeMetrics;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Counts every API call by operation (the resource method, a fixed set; {@code unmatched} for a
 * path no operation has) and status, refused ones included: response filters see those too.
 */
@Provider
public class ApiMetrics implements ContainerResponseFilter {

    private static final Map<String, String> OPERATIONS = Map.of(
            "notification", "publish_notification", "message", "publish_message",
            "join", "join_conversation", "leave", "leave_conversation", "disconnect", "disconnect_user",
            "user", "get_user", "conversation", "get_conversation");

    @Inject
    private BridgeMetrics metrics;

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resource == null ? null : resource.getResourceMethod();
        String operation = method == null ? "unmatched" : OPERATIONS.getOrDefault(method.getName(), method.getName());
        metrics.apiCall(operation, response.getStatus());
    }
}
