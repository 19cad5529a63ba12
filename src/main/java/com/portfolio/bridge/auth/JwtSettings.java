package com.portfolio.bridge.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How tokens are checked. {@link #validate()} refuses settings that would be unsafe or could
 * never verify anything, with a message that names the setting to fix.
 */
public record JwtSettings(
        Set<String> algorithms,
        Optional<String> secret,
        Optional<String> publicKeyPem,
        Optional<URI> jwksUrl,
        Optional<String> issuer,
        Optional<String> audience,
        Duration clockSkew,
        List<String> userIdClaims) {

    static final int MAX_TOKEN_LENGTH = 8192;
    static final Duration JWKS_REFRESH = Duration.ofMinutes(5);

    /** Minimum HMAC key sizes (RFC 7518 §3.2: at least the hash size). */
    static final Map<String, Integer> HMAC_MIN_BYTES = Map.of("HS256", 32, "HS384", 48, "HS512", 64);
    static final Set<String> ASYMMETRIC = Set.of(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

    public JwtSettings {
        algorithms = Set.copyOf(algorithms);
        userIdClaims = List.copyOf(userIdClaims);
    }

    public void validate() {
        if (secret.isEmpty() && publicKeyPem.isEmpty() && jwksUrl.isEmpty()) {
            throw new IllegalStateException("no JWT key configured: set portfolio.jwt.secret,"
                    + " portfolio.jwt.public-key(-location) or portfolio.jwt.jwks-url");
        }
        if (algorithms.isEmpty()) {
            throw new IllegalStateException("portfolio.jwt.algorithms must name at least one algorithm");
        }
        algorithms.forEach(this::validateAlgorithm);
        publicKeyPem.ifPresent(pem -> {
            try {
                PemKeys.parsePublicKey(pem);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("portfolio.jwt.public-key: " + e.getMessage(), e);
            }
        });
        if (clockSkew.isNegative()) {
            throw new IllegalStateException("portfolio.jwt.clock-skew-seconds must not be negative");
        }
        if (userIdClaims.isEmpty()) {
            throw new IllegalStateException("portfolio.jwt.user-id-claims must name at least one claim");
        }
    }

    private void validateAlgorithm(String algorithm) {
        Integer minBytes = HMAC_MIN_BYTES.get(algorithm);
        if (minBytes != null) {
            int length = secret.map(s -> s.getBytes(StandardCharsets.UTF_8).length).orElse(0);
            if (length < minBytes) {
                throw new IllegalStateException("portfolio.jwt.secret must be at least " + minBytes
                        + " bytes for " + algorithm + (secret.isEmpty() ? " (it is not set)" : " (it has " + length + ")"));
            }
        } else if (ASYMMETRIC.contains(algorithm)) {
            if (publicKeyPem.isEmpty() && jwksUrl.isEmpty()) {
                throw new IllegalStateException(algorithm + " is allowed but neither portfolio.jwt.public-key(-location)"
                        + " nor portfolio.jwt.jwks-url is set");
            }
        } else {
            throw new IllegalStateException("portfolio.jwt.algorithms: '" + algorithm + "' is not supported"
                    + ("none".equalsIgnoreCase(algorithm) ? " (unsigned tokens are never accepted)" : ""));
        }
    }
}
