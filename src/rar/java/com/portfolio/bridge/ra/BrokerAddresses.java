package com.portfolio.bridge.ra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The brokers a node may connect to, as operators write them: {@code host:port[,host:port...]}
 * ({@code [v6-address]:port} too). Each becomes one Netty connector of the Artemis client, with the
 * same transport settings (TLS); with HA on, the client fails over along the list and the topology.
 */
final class BrokerAddresses {

    static final String SETTING = "PORTFOLIO_ARTEMIS_BROKERS (portfolio.artemis.brokers)";

    private BrokerAddresses() {
    }

    /** One parameter map per broker, in the order given, each with {@code transport} added. */
    static List<Map<String, Object>> connectors(String brokers, Map<String, Object> transport) {
        if (brokers == null || brokers.isBlank()) {
            throw new IllegalArgumentException(SETTING + " is empty: give host:port of at least one broker");
        }
        List<Map<String, Object>> connectors = new ArrayList<>();
        for (String entry : brokers.split(",")) {
            Map<String, Object> connector = new LinkedHashMap<>(transport);
            String address = entry.trim();
            int colon = address.lastIndexOf(':');
            if (colon <= 0 || colon == address.length() - 1) {
                throw new IllegalArgumentException(SETTING + ": '" + address + "' is not host:port");
            }
            String host = address.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            } else if (host.contains(":")) {
                throw new IllegalArgumentException(SETTING + ": write an IPv6 address in brackets, [" + host + "]:port");
            }
            connector.put("host", host);
            connector.put("port", port(address.substring(colon + 1), address));
            connectors.add(connector);
        }
        return connectors;
    }

    private static int port(String text, String address) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the entry.
        }
        throw new IllegalArgumentException(SETTING + ": '" + address + "' has no valid port (1-65535)");
    }
}
