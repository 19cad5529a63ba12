package com.portfolio.bridge.shutdown;

import com.portfolio.bridge.config.BridgeConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Hands the drain to the server extension that Liberty's quiesce calls on {@code server stop}
 * (src/quiesce, a BELL library): a JVM-wide system property holding a plain Runnable, the one
 * type both class loaders share. Liberty waits at most 30 s for its quiesce listeners, so the
 * grace is capped to leave the drain's own waits room within that.
 */
@Singleton
@Startup
public class QuiesceHook {

    /** The key the extension reads (com.portfolio.bridge.quiesce.DrainOnQuiesce.HOOK). */
    static final String KEY = "portfolio.bridge.drain";
    static final long QUIESCE_GRACE_MS = 25_000;
    private static final Logger LOG = Logger.getLogger(QuiesceHook.class.getName());

    @Inject
    private Drain drain;

    @Inject
    private BridgeConfig config;

    private final Runnable hook = this::onQuiesce;

    @PostConstruct
    void register() {
        System.getProperties().put(KEY, hook);
    }

    private void onQuiesce() {
        long grace = config.shutdownGraceMs();
        if (grace > QUIESCE_GRACE_MS) {
            LOG.warning(() -> "server stop: draining over " + QUIESCE_GRACE_MS + " ms, not portfolio.shutdown.grace-ms ("
                    + grace + " ms): Liberty's quiesce waits 30 s at most; SIGTERM drains over the whole grace");
        }
        drain.run(Math.min(grace, QUIESCE_GRACE_MS));
    }

    @PreDestroy
    void unregister() {
        System.getProperties().remove(KEY, hook);
    }
}
