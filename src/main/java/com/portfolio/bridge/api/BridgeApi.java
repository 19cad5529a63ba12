package com.portfolio.bridge.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The backend HTTP API: services publish events and manage users' sockets without holding any.
 * Everything it accepts is published onto the bus, never applied by this node alone, so every
 * node acts on it.
 */
@ApplicationPath("/api/bridge/v1")
@OpenAPIDefinition(info = @Info(title = "Portfolio realtime bridge: backend API", version = "1",
        description = "Publish events and manage users' sockets on every node. Everything is published onto the bus"
                + " and answered 202; errors are RFC 9457 problem documents."),
        security = @SecurityRequirement(name = "serviceToken"))
@SecurityScheme(securitySchemeName = "serviceToken", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A service JWT (portfolio.api.jwt.*) with the scope portfolio.api.required-scope (default bridge)")
public class BridgeApi extends Application {
}
