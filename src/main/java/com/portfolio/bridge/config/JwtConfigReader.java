package com.portfolio.bridge.config;

import com.portfolio.bridge.auth.JwtSettings;
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
 * Turns portfolio.jwt.* into verifier settings. Outside dev a missing or weak key stops the
 * app (validate() throws); in dev a missing key becomes a random per-start secret.
 */
final class JwtConfigReader {

    private static final Logger LOG = Logger.getLogger(JwtConfigReader.class.getName());

    private final Function<String, Optional<String>> config;
    private final RunMode mode;

    /** @param config looks a key up (MicroProfile Config in the app, a map in tests) */
    JwtConfigReader(Function<String, Optional<String>> config, RunMode mode) {
        this.config = config;
        this.mode = mode;
    }

    JwtSettings read() {
        Optional<String> secret = string("portfolio.jwt.secret");
        Optional<String> pem = string("portfolio.jwt.public-key").or(this::pemFromFile);
        Optional<URI> jwks = string("portfolio.jwt.jwks-url").map(URI::create);
        if (mode.isDev() && secret.isEmpty() && pem.isEmpty() && jwks.isEmpty()) {
            secret = Optional.of(randomDevSecret());
            LOG.warning("portfolio.mode=dev and no JWT key configured: using a random HS256 secret for this run."
                    + " Mint a dev token with: curl 'http://localhost:9080/dev/token?userId=alice'");
        }
        JwtSettings settings = new JwtSettings(
                algorithms(secret.isPresent(), pem.isPresent() || jwks.isPresent()),
                secret, pem, jwks,
                string("portfolio.jwt.issuer"),
                string("portfolio.jwt.audience"),
                Duration.ofSeconds(string("portfolio.jwt.clock-skew-seconds").map(Long::parseLong).orElse(30L)),
                list("portfolio.jwt.user-id-claims").orElse(List.of("sub", "userId", "id")),
                JwtSettings.DEFAULT_MAX_TOKEN_LENGTH,
                JwtSettings.DEFAULT_JWKS_REFRESH);
        settings.validate();
        return settings;
    }

    private Set<String> algorithms(boolean hasSecret, boolean hasPublicKey) {
        Optional<List<String>> configured = list("portfolio.jwt.algorithms");
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
        return string("portfolio.jwt.public-key-location").map(location -> {
            try {
                return Files.readString(Path.of(location));
            } catch (IOException e) {
                throw new IllegalStateException("portfolio.jwt.public-key-location: cannot read " + location, e);
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
