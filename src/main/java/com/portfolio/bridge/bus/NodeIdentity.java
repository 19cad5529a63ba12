package com.portfolio.bridge.bus;

import com.portfolio.bridge.config.BridgeConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This node: its configured id (shared by its restarts) and this run's own instance id. */
@ApplicationScoped
public class NodeIdentity {

    @Inject
    private BridgeConfig config;

    private String instanceId;
    private String host;
    private long startedAt;

    @PostConstruct
    void init() {
        instanceId = UUID.randomUUID().toString();
        startedAt = System.currentTimeMillis();
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
    }

    public String nodeId() {
        return config.bus().nodeId();
    }

    public String instanceId() {
        return instanceId;
    }

    public String host() {
        return host;
    }

    public long startedAt() {
        return startedAt;
    }
}
