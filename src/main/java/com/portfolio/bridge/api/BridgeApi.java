package com.portfolio.bridge.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The backend HTTP API: services publish events and manage users' sockets without holding any.
 * Everything it accepts is published onto the bus, never applied by this node alone, so every
 * node acts on it.
 */
@ApplicationPath("/api/bridge/v1")
public class BridgeApi extends Application {
}
