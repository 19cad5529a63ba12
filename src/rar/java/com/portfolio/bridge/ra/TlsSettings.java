package com.portfolio.bridge.ra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TLS to the broker as the Artemis client does it: off unless enabled; host name verification
 * on (the client's default) unless turned off; a trust store for the broker's CA (else the JVM's
 * default CAs) and, for mutual TLS, a key store with this node's certificate.
 */
final class TlsSettings {

    private boolean enabled;
    private boolean verifyHost = true;
    private final StoreSettings trustStore = new StoreSettings("trustStore", "PORTFOLIO_ARTEMIS_TRUST_STORE", "PEMCA");
    private final StoreSettings keyStore = new StoreSettings("keyStore", "PORTFOLIO_ARTEMIS_KEY_STORE", "PEM");

    boolean enabled() {
        return enabled;
    }

    void enabled(boolean on) {
        enabled = on;
    }

    boolean verifyHost() {
        return verifyHost;
    }

    void verifyHost(boolean on) {
        verifyHost = on;
    }

    StoreSettings trustStore() {
        return trustStore;
    }

    StoreSettings keyStore() {
        return keyStore;
    }

    /** The Netty connector's TLS parameters; none without TLS (a store set then is a mistake worth naming). */
    Map<String, Object> transport() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!enabled) {
            if (trustStore.given() || keyStore.given()) {
                throw new IllegalArgumentException("a trust or key store is set but PORTFOLIO_ARTEMIS_SSL_ENABLED"
                        + " (portfolio.artemis.ssl-enabled) is not true: the connection would be in clear text");
            }
            return parameters;
        }
        parameters.put("sslEnabled", true);
        parameters.put("verifyHost", verifyHost);
        trustStore.addTo(parameters);
        keyStore.addTo(parameters);
        return parameters;
    }
}
