package com.portfolio.bridge.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brokers list and TLS settings as the resource adapter turns them into the client's connectors. */
class BrokerAddressesTest {

    @Test
    void eachBrokerIsAConnectorWithTheSameTransportSettings() {
        List<Map<String, Object>> connectors = BrokerAddresses.connectors(" primary.internal:61617, [fd00::2]:61617",
                Map.of("sslEnabled", true));
        assertEquals(List.of(Map.of("host", "primary.internal", "port", 61617, "sslEnabled", true),
                Map.of("host", "fd00::2", "port", 61617, "sslEnabled", true)), connectors);
    }

    @Test
    void aBadEntryNamesTheSetting() {
        for (String bad : List.of("", "broker", "broker:", "broker:0", "broker:x", "fd00::2:61617")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BrokerAddresses.connectors(bad, Map.of()));
            assertTrue(e.getMessage().startsWith("PORTFOLIO_ARTEMIS_BROKERS"), e.getMessage());
        }
    }

    @Test
    void tlsVerifiesTheHostByDefaultAndTakesTheStoreTypeFromTheFileName(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----");
        Path key = Files.writeString(dir.resolve("node.p12"), "x");
        TlsSettings tls = new TlsSettings();
        tls.enabled(true);
        tls.trustStore().path(ca.toString());
        tls.keyStore().path(key.toString());
        tls.keyStore().password("secret;with,separators");
        Map<String, Object> transport = tls.transport();
        assertEquals(true, transport.get("verifyHost"));
        assertEquals("PEMCA", transport.get("trustStoreType"));
        assertEquals("PKCS12", transport.get("keyStoreType"));
        assertEquals("secret;with,separators", transport.get("keyStorePassword"), "no string parsing: any password works");
    }

    @Test
    void aStoreWithoutTlsOrAMissingFileIsRefused(@TempDir Path dir) {
        TlsSettings plain = new TlsSettings();
        plain.trustStore().path(dir.resolve("ca.p12").toString());
        assertTrue(assertThrows(IllegalArgumentException.class, plain::transport).getMessage().contains("PORTFOLIO_ARTEMIS_SSL_ENABLED"));
        TlsSettings missing = new TlsSettings();
        missing.enabled(true);
        missing.trustStore().path(dir.resolve("absent.p12").toString());
        assertTrue(assertThrows(IllegalArgumentException.class, missing::transport).getMessage().startsWith("PORTFOLIO_ARTEMIS_TRUST_STORE"));
    }

    @Test
    void withoutTlsNothingIsAdded() {
        assertEquals(Map.of(), new TlsSettings().transport());
        assertTrue(new TlsSettings().verifyHost());
    }
}
