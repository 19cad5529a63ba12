package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stopping the application closes every connection instead of leaving it dangling, and the way
 * socket.io's own {@code io.close()} does: no DISCONNECT first, so socket.io-client sees
 * "transport close" and reconnects by itself ("io server disconnect" would keep it away for good).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShutdownIT {

    private static final String BRIDGE = "bridge";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = BRIDGE, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void stoppingTheAppClosesEveryConnectionSoClientsReconnect() throws Exception {
        deployer.deploy(BRIDGE);
        RawSocketClient first = RawSocketClient.connect(Ports.http(), TestTokens.valid("shutdown-1"));
        RawSocketClient second = RawSocketClient.connect(Ports.http(), TestTokens.valid("shutdown-2"));
        assertTrue(first.connected() && second.connected());

        deployer.undeploy(BRIDGE);

        for (RawSocketClient client : new RawSocketClient[] {first, second}) {
            String next = client.expectControl("");
            assertTrue(next.matches("1|closed \\d+"), "the connection closes, with no DISCONNECT first; got " + next);
        }
    }
}
