package com.portfolio.bridge.bus;

import java.util.Locale;

/**
 * What keeps this node from the broker, in the operator's terms: which setting to fix. Read from
 * the exception chain the Artemis client logs or throws; {@code null} when nothing specific is
 * known (a broker that is down or unreachable: the client keeps retrying, nothing to fix here).
 */
enum BrokerTrouble {

    UNTRUSTED_BROKER("the broker's certificate is not signed by a CA in PORTFOLIO_ARTEMIS_TRUST_STORE"
            + " (portfolio.artemis.trust-store; none set: the JVM's default CAs)"),
    HOST_NOT_IN_CERTIFICATE("the broker's certificate does not name the host this node connects to: list the broker in"
            + " PORTFOLIO_ARTEMIS_BROKERS (portfolio.artemis.brokers) by a name or address its certificate holds"),
    CLIENT_CERTIFICATE_REFUSED("the broker wants a client certificate it trusts: set PORTFOLIO_ARTEMIS_KEY_STORE"
            + " (portfolio.artemis.key-store) to this node's certificate and key"),
    DROPPED_DURING_SETUP("the broker drops the connection while it is being set up: it wants a client certificate it"
            + " trusts (PORTFOLIO_ARTEMIS_KEY_STORE, portfolio.artemis.key-store), or takes TLS only"
            + " (PORTFOLIO_ARTEMIS_SSL_ENABLED, portfolio.artemis.ssl-enabled)"),
    NOT_TLS("the broker's port does not speak TLS: turn PORTFOLIO_ARTEMIS_SSL_ENABLED (portfolio.artemis.ssl-enabled)"
            + " off, or point PORTFOLIO_ARTEMIS_BROKERS at its TLS acceptor"),
    STORE_PASSWORD("a trust or key store cannot be opened: check PORTFOLIO_ARTEMIS_TRUST_STORE_PASSWORD and"
            + " PORTFOLIO_ARTEMIS_KEY_STORE_PASSWORD"),
    TLS("TLS to the broker failed: check PORTFOLIO_ARTEMIS_SSL_ENABLED, PORTFOLIO_ARTEMIS_TRUST_STORE and"
            + " PORTFOLIO_ARTEMIS_KEY_STORE"),
    CREDENTIALS("the broker refuses this node's user: check PORTFOLIO_ARTEMIS_USER and PORTFOLIO_ARTEMIS_PASSWORD");

    private final String advice;

    BrokerTrouble(String advice) {
        this.advice = advice;
    }

    String advice() {
        return advice;
    }

    static BrokerTrouble of(Throwable failure) {
        BrokerTrouble found = null;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            BrokerTrouble trouble = one(cause);
            if (trouble != null && (found == null || trouble.ordinal() < found.ordinal())) {
                found = trouble;
            }
        }
        return found;
    }

    private static BrokerTrouble one(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        String type = cause.getClass().getName();
        if (message.contains("unable to find valid certification path") || message.contains("pkix path")) {
            return UNTRUSTED_BROKER;
        }
        if (message.contains("no name matching") || message.contains("no subject alternative")) {
            return HOST_NOT_IN_CERTIFICATE;
        }
        if (message.contains("bad_certificate") || message.contains("certificate_required")) {
            return CLIENT_CERTIFICATE_REFUSED;
        }
        // TLS 1.3: the client finishes its side of the handshake before the broker checks its certificate.
        if (message.contains("no activemqchannelhandler has been found")
                || message.contains("timed out waiting to receive cluster topology")
                || message.contains("connection closed while receiving cluster topology")) {
            return DROPPED_DURING_SETUP;
        }
        if (message.contains("unsupported or unrecognized ssl message")) {
            return NOT_TLS;
        }
        if (message.contains("keystore was tampered with") || message.contains("password was incorrect")) {
            return STORE_PASSWORD;
        }
        if (message.contains("amq229031") || type.endsWith("ActiveMQSecurityException") || type.endsWith("JMSSecurityException")
                || type.endsWith("JMSSecurityRuntimeException")) {
            return CREDENTIALS;
        }
        return type.startsWith("javax.net.ssl.") ? TLS : null;
    }
}
