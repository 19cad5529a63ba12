package com.portfolio.bridge.auth;

import com.portfolio.bridge.config.RunMode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Turns portfolio.jwt.* (socket tokens) or portfolio.api.jwt.* (service tokens) into verifier
 * settings. For sockets, outside dev a missing or weak key stops the app (validate() throws);
 * in dev a missing key becomes a random per-start secret. For the API a missing key means no API.
 */
final class JwtConfigReader {

    private static final Logger LOG = Logger.getLogger(JwtConfigReader.class.getName());

    static final String SOCKETS = "portfolio.jwt.";
    static final String API = "portfolio.api.jwt.";

    private final Function<String, Optional<String>> config;
    private final RunMode mode;
    private final String prefix;

    /** @param config looks a key up (MicroProfile Config in the app, a map in tests); @param prefix SOCKETS or API */
    JwtConfigReader(Function<String, Optional<String>> config, RunMode mode, String prefix) {
        this.config = config;
        this.mode = mode;
        this.prefix = prefix;
    }

    /** The settings if a key is configured under the prefix; validated. */
    Optional<JwtSettings> readIfConfigured() {
        boolean keyed = string(prefix + "secret").isPresent() || string(prefix + "public-key").isPresent()
                || string(prefix + "public-key-location").isPresent() || string(prefix + "jwks-url").isPresent();
        return keyed ? Optional.of(read()) : Optional.empty();
    }

    JwtSettings read() {
        Optional<String> secret = string(prefix + "secret");
        Optional<String> pem = string(prefix + "public-key").or(this::pemFromFile);
        Optional<URI> jwks = string(prefix + "jwks-url").map(URI::create);
        if (SOCKETS.equals(prefix) && mode.isDev() && secret.isEmpty() && pem.isEmpty() && jwks.isEmpty()) {
            secret = Optional.of(randomDevSecret());
            LOG.warning("portfolio.mode=dev and no JWT key configured: using a random HS256 secret for this run."
                    + " Mint a dev token with: curl 'http://localhost:9080/dev/token?userId=alice'");
        }
        JwtSettings settings = new JwtSettings(
                algorithms(secret.isPresent(), pem.isPresent() || jwks.isPresent()),
                secret, pem, jwks,
                string(prefix + "issuer"),
                string(prefix + "audience"),
                Duration.ofSeconds(string(prefix + "clock-skew-seconds").map(Long::parseLong).orElse(30L)),
                list(prefix + "user-id-claims").orElse(List.of("sub", "userId", "id")));
        try {
            settings.validate();
        } catch (IllegalStateException e) {
            // The checks name the socket keys; say which keys were actually read.
            throw SOCKETS.equals(prefix) ? e : new IllegalStateException(e.getMessage().replace(SOCKETS, prefix), e);
        }
        return settings;
    }

    private Set<String> algorithms(boolean hasSecret, boolean hasPublicKey) {
        Optional<List<String>> configured = list(prefix + "algorithms");
        if (configured.isPresent()) {
            return new LinkedHashSet<>(configured.get());
        }
        // No allow-list given: allow what the configured keys can verify.
        Set<String> derived = new LinkedHashSet<>();
        if (hasSecret) {
            derived.add("HS256");
        }
        if (hasPublicKey || derived.isEmpty()) {
            derived.add("RS256");
        }
        return derived;
    }

    private Optional<String> pemFromFile() {
        return string(prefix + "public-key-location").map(location -> {
            try {
                return Files.readString(Path.of(location));
            } catch (IOException e) {
                throw new IllegalStateException(prefix + "public-key-location: cannot read " + location, e);
            }
        });
    }

    private Optional<String> string(String key) {
        return config.apply(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private Optional<List<String>> list(String key) {
        return string(key).map(raw -> Arrays.stream(raw.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private static String randomDevSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
