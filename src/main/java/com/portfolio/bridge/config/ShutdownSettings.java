package com.portfolio.bridge.config;

import org.eclipse.microprofile.config.Config;

/** How long a node stopping on SIGTERM spreads its clients' reconnects over (0: all at once). */
public record ShutdownSettings(long graceMs) {

    static ShutdownSettings read(Config config) {
        long grace = config.getOptionalValue("portfolio.shutdown.grace-ms", Long.class).orElse(10_000L);
        if (grace < 0) {
            throw new IllegalStateException("portfolio.shutdown.grace-ms must be 0 or positive; got " + grace);
        }
        return new ShutdownSettings(grace);
    }
}
