package com.portfolio.bridge.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtSettingsTest {

    private static String failure(JwtSettings settings) {
        return assertThrows(IllegalStateException.class, settings::validate).getMessage();
    }

    @Test
    void aShortSecretIsRefusedNamingTheSetting() {
        assertEquals("portfolio.jwt.secret must be at least 32 bytes for HS256 (it has 6)",
                failure(Jwts.settings(b -> b.secret = Optional.of("secret"))));
        assertTrue(failure(Jwts.settings(b -> {
            b.algorithms = Set.of("HS512");
            b.secret = Optional.of("x".repeat(48));
        }))
                .startsWith("portfolio.jwt.secret must be at least 64 bytes for HS512"), "64-byte secret is HS512's minimum");
    }

    @Test
    void noneIsNeverAnAllowedAlgorithm() {
        assertTrue(failure(Jwts.settings(b -> b.algorithms = Set.of("HS256", "none"))).contains("never accepted"));
        assertTrue(failure(Jwts.settings(b -> b.algorithms = Set.of("HS1"))).contains("not supported"));
    }

    @Test
    void anAsymmetricAlgorithmNeedsAPublicKey() {
        assertTrue(failure(Jwts.settings(b -> b.algorithms = Set.of("RS256")))
                .startsWith("RS256 is allowed but neither portfolio.jwt.public-key"));
    }

    @Test
    void someKeyIsRequired() {
        assertTrue(failure(Jwts.settings(b -> b.secret = Optional.empty())).startsWith("no JWT key configured"));
    }

    @Test
    void anUnreadablePemIsRefused() {
        assertTrue(failure(Jwts.settings(b -> {
            b.algorithms = Set.of("RS256");
            b.pem = Optional.of("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----");
        })).startsWith("portfolio.jwt.public-key:"));
    }

    @Test
    void sensibleSettingsPass() throws Exception {
        String pem = Jwts.pem(Jwts.rsa().getPublic());
        assertDoesNotThrow(() -> Jwts.settings(b -> {
            b.algorithms = Set.of("HS256", "RS256");
            b.pem = Optional.of(pem);
        }).validate());
        assertDoesNotThrow(() -> Jwts.settings(b -> b.secret = Optional.of(Jwts.SECRET)).validate());
    }
}
