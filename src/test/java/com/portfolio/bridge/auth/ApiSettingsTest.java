package com.portfolio.bridge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.config.RunMode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiSettingsTest {

    private static final String SECRET = "an-api-secret-of-at-least-thirty-two-bytes!";
    private static final JwtSettings SOCKETS = Jwts.settings(b -> b.secret = Optional.of("a-socket-secret-of-at-least-thirty-two-bytes"));

    private static ApiSettings read(RunMode mode, Map<String, String> values) {
        return ApiSettings.read(key -> Optional.ofNullable(values.get(key)), mode, SOCKETS);
    }

    @Test
    void withoutAKeyTheApiIsOffOutsideDev() {
        assertFalse(read(RunMode.PROD, Map.of()).enabled());
    }

    @Test
    void inDevWithoutAKeyItSharesTheSocketTokensDevKey() {
        ApiSettings api = read(RunMode.DEV, Map.of());
        assertTrue(api.enabled());
        assertSame(SOCKETS, api.jwt().orElseThrow());
        assertEquals("bridge", api.requiredScope());
    }

    @Test
    void itsOwnKeyAndScopeAreReadFromTheApiKeys() {
        ApiSettings api = read(RunMode.PROD, Map.of("portfolio.api.jwt.secret", SECRET,
                "portfolio.api.jwt.issuer", "https://idp", "portfolio.api.required-scope", "realtime"));
        assertEquals(Optional.of(SECRET), api.jwt().orElseThrow().secret());
        assertEquals(Optional.of("https://idp"), api.jwt().orElseThrow().issuer());
        assertEquals("realtime", api.requiredScope());
    }

    @Test
    void aWeakApiKeyNamesTheApiSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> read(RunMode.PROD, Map.of("portfolio.api.jwt.secret", "short")));
        assertTrue(e.getMessage().contains("portfolio.api.jwt.secret"), e.getMessage());
    }
}
