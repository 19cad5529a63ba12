package com.portfolio.bridge.bench;

import com.portfolio.bridge.cluster.ArtemisBroker;
import com.portfolio.bridge.cluster.BrokerPair;
import com.portfolio.bridge.cluster.ClusterEnv;
import com.portfolio.bridge.cluster.LocalCluster;
import com.portfolio.bridge.it.support.TestKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;

/**
 * Broker outages under steady load, {@code mvn -Pbench-outage package}: two nodes as the image
 * lays them out, on the artemis bus, with member sockets on both and a producer publishing
 * persistent notifications (resending, with the same duplicate-detection id, what failed).
 * Phase A: one broker, {@code kill -9}, started again after the down time. Phase B: a
 * primary/backup pair, the primary {@code kill -9} (failover), started again after the down time
 * (fail-back). Prints one row per broker event and writes the table to target/bench/outage.txt.
 */
public final class OutageBench {

    private static final Logger LOG = Logger.getLogger(OutageBench.class.getName());
    // Clear of the other harnesses and ITs (61619/948x bench, 6175x/933x pair IT, 6177x/937x).
    private static final int SINGLE_PORT = 61781;
    private static final int PRIMARY_PORT = 61782;
    private static final int BACKUP_PORT = 61783;
    private static final int SINGLE_NODES = 9600;
    private static final int PAIR_NODES = 9610;
    /** Single broker: a plain client reconnects to the same address for ever. */
    private static final String RECONNECT = "?reconnectAttempts=-1&retryInterval=200&retryIntervalMultiplier=1"
            + "&initialConnectAttempts=10";

    private OutageBench() {
    }

    public static void main(String[] args) throws Exception {
        OutageSettings settings = OutageSettings.fromSystemProperties();
        LOG.info(settings::describe);
        prepareKeysAndTrace();
        long started = System.nanoTime();
        List<OutageRow> rows = new ArrayList<>();
        try {
            rows.addAll(singleBroker(settings));
            rows.addAll(pair(settings));
        } finally {
            // The Artemis client's global pools would otherwise hold exec:java 15 s and warn.
            ActiveMQClient.clearThreadPools();
        }
        String table = OutageRow.table(rows);
        Path out = Path.of(System.getProperty("cluster.work.dir", "target/cluster")).resolveSibling("bench").resolve("outage.txt");
        Files.createDirectories(out.getParent());
        String minutes = String.format("%.1f min", (System.nanoTime() - started) / 60e9);
        Files.writeString(out, "Outage run " + Instant.now() + " (" + minutes + ")\n" + settings.describe() + "\n\n" + table);
        LOG.info(() -> "\n" + table + "\nwritten to " + out + " (" + minutes + ")");
    }

    /** Test-mode keys as the ITs have them (made here: package does not run the ITs' key step), and the drop log on. */
    private static void prepareKeysAndTrace() throws Exception {
        Path keys = Path.of(System.getProperty("it.keys.dir"));
        if (!Files.exists(keys.resolve("private.pem"))) {
            TestKeyGenerator.main(new String[] {keys.toString()});
        }
        String trace = System.getProperty("cluster.trace", "");
        String drops = "com.portfolio.bridge.bus.EventIntake=fine";
        System.setProperty("cluster.trace", trace.isBlank() ? drops : trace + ":" + drops);
    }

    static List<OutageRow> singleBroker(OutageSettings settings) throws Exception {
        try (LocalCluster cluster = new LocalCluster("outage-single", SINGLE_PORT, SINGLE_NODES, 2)
                .withEnv(ClusterEnv.testNodes())) {
            cluster.startBroker();
            cluster.startNodes();
            ArtemisBroker broker = cluster.broker();
            try (OutageRun run = new OutageRun(cluster, broker.url() + RECONNECT, settings)) {
                run.hold(settings.before(), "publishing before the kill");
                OutageWindow outage = run.begin("A. one broker: kill -9, started again after " + settings.downSeconds() + " s");
                outage.event();
                broker.kill();
                run.hold(settings.down(), "broker down");
                broker.start();
                outage.back(System.nanoTime());
                run.hold(settings.after(), "publishing with the broker back");
                return run.finish();
            }
        }
    }

    static List<OutageRow> pair(OutageSettings settings) throws Exception {
        LocalCluster cluster = new LocalCluster("outage-pair", PRIMARY_PORT, PAIR_NODES, 2).withEnv(ClusterEnv.testNodes());
        Path work = Path.of(System.getProperty("cluster.work.dir", "target/cluster")).resolve("outage-pair");
        try (BrokerPair pair = new BrokerPair(Path.of(System.getProperty("artemis.home")), work.resolve("brokers"),
                PRIMARY_PORT, BACKUP_PORT, cluster.broker().user(), cluster.broker().password()); cluster) {
            cluster.withEnv(Map.of("PORTFOLIO_ARTEMIS_BROKERS", pair.brokers(), "PORTFOLIO_ARTEMIS_HA", "true"));
            pair.create(Path.of(System.getProperty("artemis.settings")));
            pair.start();
            cluster.startNodes();
            try (OutageRun run = new OutageRun(cluster, pair.clientUrl(), settings)) {
                run.hold(settings.before(), "publishing before the kill");
                OutageWindow failover = run.begin("B1. pair: primary kill -9, backup takes over");
                failover.event();
                pair.killPrimary();
                failover.back(System.nanoTime());
                run.hold(settings.down(), "primary down");
                OutageWindow failback = run.begin("B2. pair: primary started again (fail-back)");
                failback.event();
                failback.back(pair.restartPrimary());
                run.hold(settings.after(), "publishing after the fail-back");
                return run.finish();
            }
        }
    }
}
