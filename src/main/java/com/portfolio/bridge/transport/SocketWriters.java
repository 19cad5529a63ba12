package com.portfolio.bridge.transport;

import com.portfolio.bridge.config.BridgeConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * The threads that write to WebSockets, with blocking sends. Liberty's asynchronous send takes
 * a trip through its write selector and another through its executor for the completion; in the
 * benchmark's profile that was half of the bridge's CPU at fan-out. A blocking send into a socket
 * with room completes on the spot. A client that stops reading blocks one of these threads (never
 * a broadcaster) until its OutboundQueue gives up on it.
 */
@ApplicationScoped
public class SocketWriters {

    private static final Logger LOG = Logger.getLogger(SocketWriters.class.getName());

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private BridgeConfig config;

    private ExecutorService writers;

    @PostConstruct
    void start() {
        int count = config.engine().writerThreads();
        writers = Executors.newFixedThreadPool(count, threads);
        LOG.fine(() -> count + " WebSocket writer threads");
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }

    Executor executor() {
        return writers;
    }
}
