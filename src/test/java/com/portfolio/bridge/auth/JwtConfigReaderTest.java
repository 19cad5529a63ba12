package com.portfolio.bridge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.config.RunMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtConfigReaderTest {

    private static JwtSettings read(RunMode mode, Map<String, String> values) {
        return new JwtConfigReader(key -> Optional.ofNullable(values.get(key)), mode, JwtConfigReader.SOCKETS).read();
    }

    @Test
    void productionWithoutAKeyRefusesToStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(RunMode.PROD, Map.of()));
        assertTrue(e.getMessage().startsWith("no JWT key configured"), e.getMessage());
    }

    @Test
    void productionWithAWeakSecretRefusesToStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> read(RunMode.PROD, Map.of("portfolio.jwt.secret", "changeme")));
        assertEquals("portfolio.jwt.secret must be at least 32 bytes for HS256 (it has 8)", e.getMessage());
    }

    @Test
    void devWithoutAKeyGetsARandomStrongSecretPerStart() {
        JwtSettings first = read(RunMode.DEV, Map.of());
        JwtSettings second = read(RunMode.DEV, Map.of());
        assertEquals(Set.of("HS256"), first.algorithms());
        assertTrue(first.secret().orElseThrow().length() >= 32);
        assertNotEquals(first.secret(), second.secret());
    }

    @Test
    void devStillUsesAConfiguredKey() {
        String secret = "s".repeat(40);
        assertEquals(Optional.of(secret), read(RunMode.DEV, Map.of("portfolio.jwt.secret", secret)).secret());
    }

    @Test
    void readsEverySetting(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Path file = Files.writeString(dir.resolve("key.pem"), pem);
        JwtSettings settings = read(RunMode.PROD, Map.of(
                "portfolio.jwt.public-key-location", file.toString(),
                "portfolio.jwt.algorithms", "RS256, PS256",
                "portfolio.jwt.issuer", "https://issuer",
                "portfolio.jwt.audience", "bridge",
                "portfolio.jwt.clock-skew-seconds", "5",
                "portfolio.jwt.user-id-claims", "uid,sub"));
        assertEquals(Set.of("RS256", "PS256"), settings.algorithms());
        assertEquals(Optional.of(pem), settings.publicKeyPem());
        assertEquals(Optional.of("https://issuer"), settings.issuer());
        assertEquals(Optional.of("bridge"), settings.audience());
        assertEquals(5, settings.clockSkew().toSeconds());
        assertEquals(List.of("uid", "sub"), settings.userIdClaims());
    }

    @Test
    void theAlgorithmDefaultFollowsTheKeys() {
        assertEquals(Set.of("HS256"), read(RunMode.PROD, Map.of("portfolio.jwt.secret", "s".repeat(32))).algorithms());
    }

    @Test
    void anUnreadableKeyFileIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(RunMode.PROD,
                Map.of("portfolio.jwt.public-key-location", "/nonexistent/key.pem")));
        assertTrue(e.getMessage().startsWith("portfolio.jwt.public-key-location: cannot read"), e.getMessage());
    }
}
