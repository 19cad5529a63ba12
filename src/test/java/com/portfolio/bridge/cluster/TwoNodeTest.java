package com.portfolio.bridge.cluster;

import com.portfolio.bridge.it.support.RawSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test class with a broker and two nodes of its own, started once for the whole class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoNodeTest {

    private final String name;
    private final int brokerPort;
    private final int basePort;

    TwoNodes nodes;
    LocalCluster cluster;
    JavaProducer producer;

    TwoNodeTest(String name, int brokerPort, int basePort) {
        this.name = name;
        this.brokerPort = brokerPort;
        this.basePort = basePort;
    }

    @BeforeAll
    void startCluster() throws Exception {
        nodes = TwoNodes.start(name, brokerPort, basePort, extraEnv(), node2Env(), spareNodes());
        cluster = nodes.cluster;
        producer = nodes.producer;
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    /** Settings this class's nodes get on top of the common ones. */
    java.util.Map<String, String> extraEnv() {
        return java.util.Map.of();
    }

    /** Nodes besides the two (node 3, ...), started with them: instead of restarting one a test took down. */
    int spareNodes() {
        return 0;
    }

    /** Settings only node 2 gets. */
    java.util.Map<String, String> node2Env() {
        return java.util.Map.of();
    }

    RawSocketClient client(int node, String user) throws Exception {
        return nodes.client(node, user);
    }
}
