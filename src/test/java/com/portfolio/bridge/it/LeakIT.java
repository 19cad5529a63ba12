package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: thousands of clients come and go — clean closes, dropped connections, and
 * clients that go silent until the heartbeat gives up — and the singleton's counts return to
 * where they were.
 */
@ExtendWith(ArquillianExtension.class)
class LeakIT {

    private static final Logger LOG = Logger.getLogger(LeakIT.class.getName());
    private static final int PER_KIND = 700;

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void countsReturnToBaselineAfterThousandsOfClients() throws Exception {
        PortfolioNamespace namespace = CDI.current().select(PortfolioNamespace.class).get();
        IntSupplier[] counts = {namespace::connectedSockets, namespace::openConnections,
                namespace::admittedConnections, namespace::connectedUsers, namespace::roomCount};
        String[] names = {"sockets", "connections", "admitted", "users", "rooms"};
        int[] baseline = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            baseline[i] = counts[i].getAsInt();
        }

        List<RawSocketClient> clean = connectMany("clean");
        List<RawSocketClient> dropped = connectMany("dropped");
        List<RawSocketClient> silent = connectMany("silent");
        LOG.info(() -> "connected " + namespace.connectedSockets() + " sockets in " + namespace.roomCount() + " rooms");
        assertTrue(namespace.connectedSockets() >= baseline[0] + 3 * PER_KIND);

        int connected = namespace.connectedSockets();
        clean.forEach(RawSocketClient::close);
        Await.until("clean closes processed", Duration.ofSeconds(30),
                () -> namespace.connectedSockets() <= connected - PER_KIND);
        LOG.info(() -> "after clean closes: " + describe(names, counts));
        dropped.forEach(RawSocketClient::abort);
        Await.until("dropped connections processed", Duration.ofSeconds(30),
                () -> namespace.connectedSockets() <= connected - 2 * PER_KIND);
        LOG.info(() -> "after drops: " + describe(names, counts));
        silent.forEach(RawSocketClient::stall);

        for (int i = 0; i < counts.length; i++) {
            int index = i;
            Await.until(names[i] + " back to " + baseline[i] + " (" + describe(names, counts) + ")",
                    Duration.ofSeconds(30), () -> counts[index].getAsInt() <= baseline[index]);
        }
        silent.forEach(RawSocketClient::abort);
    }

    private static String describe(String[] names, IntSupplier[] counts) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            text.append(names[i]).append('=').append(counts[i].getAsInt()).append(' ');
        }
        return text.toString().trim();
    }

    private static List<RawSocketClient> connectMany(String kind) throws Exception {
        List<RawSocketClient> clients = new ArrayList<>();
        for (int i = 0; i < PER_KIND; i++) {
            RawSocketClient client = RawSocketClient.connect(Ports.http(), TestTokens.valid(kind + "-" + i));
            client.emitWithAck("join-conversation", kind + "-room-" + (i % 50));
            client.emitWithAck("join-conversation", "all-" + kind);
            clients.add(client);
        }
        return clients;
    }
}
