package com.portfolio.bridge.config;

import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/** Reads the allow-list of cross-site origins; "*" is refused because responses carry credentials. */
final class CorsOrigins {

    static final String DEV_DEFAULT = "http://localhost:*,http://127.0.0.1:*";

    private CorsOrigins() {
    }

    static List<String> read(Config config, RunMode mode) {
        String raw = config.getOptionalValue("portfolio.cors.allowed-origins", String.class)
                .orElse(mode.isDev() ? DEV_DEFAULT : "");
        List<String> origins = Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        if (origins.contains("*")) {
            throw new IllegalStateException("portfolio.cors.allowed-origins must list origins; '*' with credentials"
                    + " would let any site act as a logged-in user");
        }
        return origins;
    }
}
