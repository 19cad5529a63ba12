package com.portfolio.bridge.transport;

import com.portfolio.bridge.realtime.EngineRequests;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The namespace's {@link EngineRequests}, fetched through the EJB once and kept: the transport
 * asks it on every request and WebSocket open.
 */
@ApplicationScoped
public class EngineAccess {

    @EJB
    private PortfolioNamespace namespace;

    private volatile EngineRequests requests;

    public EngineRequests requests() {
        EngineRequests cached = requests;
        if (cached == null) {
            cached = namespace.requests();
            requests = cached;
        }
        return cached;
    }
}
