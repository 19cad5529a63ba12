package com.portfolio.bridge.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * A primary/backup pair of real Artemis brokers on loopback with a shared store: both instances'
 * journals live in one directory, guarded by a file lock. A SIGKILL frees the lock, the backup
 * takes it and activates; a restarted primary asks for its place back and the backup (allow-failback)
 * steps down and waits as backup again. The cluster connection between them is how clients learn
 * the backup's address. Each instance gets the project's broker settings and plugin.
 */
public final class BrokerPair implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BrokerPair.class.getName());
    private static final Duration START = Duration.ofSeconds(90);
    // Artemis log ids: the backup has joined the primary; a broker has activated.
    static final String BACKUP_ANNOUNCED = "AMQ221031";
    static final String BACKUP_ACTIVE = "AMQ221010";

    private final ArtemisBroker primary;
    private final ArtemisBroker backup;
    private final Path sharedData;
    private final String clusterPassword = LocalCluster.randomHex(16);

    public BrokerPair(Path home, Path work, int primaryPort, int backupPort, String user, String password) {
        primary = new ArtemisBroker(home, work.resolve("primary"), primaryPort, user, password);
        backup = new ArtemisBroker(home, work.resolve("backup"), backupPort, user, password);
        sharedData = work.resolve("shared-data").toAbsolutePath();
    }

    public ArtemisBroker primary() {
        return primary;
    }

    public ArtemisBroker backup() {
        return backup;
    }

    /** For a node: {@code PORTFOLIO_ARTEMIS_BROKERS}. */
    public String brokers() {
        return "127.0.0.1:" + primary.port() + ",127.0.0.1:" + backup.port();
    }

    /** For a plain Artemis JMS client: both brokers, HA on, retrying for ever. */
    public String clientUrl() {
        return "(" + primary.url() + "," + backup.url() + ")?ha=true&reconnectAttempts=-1&retryInterval=200"
                + "&retryIntervalMultiplier=1&initialConnectAttempts=10";
    }

    /** Fresh instances (and an empty shared store) from the project's broker settings. */
    public void create(Path settingsFragment) throws Exception {
        Processes.deleteTree(sharedData);
        primary.create(settingsFragment, options("primary", backup));
        backup.create(settingsFragment, options("backup", primary));
        // The default already, written down: a restarted primary gets its place back.
        Path xml = backup.instance().resolve("etc/broker.xml");
        String config = Files.readString(xml);
        if (!config.contains("<allow-failback>")) {
            Files.writeString(xml, config.replace("<backup>", "<backup>\n               <allow-failback>true</allow-failback>"));
        }
    }

    private List<String> options(String role, ArtemisBroker other) {
        List<String> options = new java.util.ArrayList<>(List.of("--shared-store", "--failover-on-shutdown",
                "--clustered", "--cluster-user", "portfolio-cluster", "--cluster-password", clusterPassword,
                "--staticCluster", other.url(), "--data", sharedData.toString(), "--name", role));
        if (role.equals("backup")) {
            options.add("--backup");
        }
        return options;
    }

    /** Starts the primary, then the backup, and waits until the backup has announced itself. */
    public void start() throws Exception {
        primary.start();
        int announced = backup.occurrences(BACKUP_ANNOUNCED);
        backup.launch();
        backup.awaitLog(BACKUP_ANNOUNCED, announced + 1, START);
        LOG.info(() -> "broker pair up: " + brokers());
    }

    /** SIGKILL to the primary, then waits until the backup is active. */
    public void killPrimary() throws Exception {
        int activations = backup.occurrences(BACKUP_ACTIVE);
        primary.kill();
        backup.awaitLog(BACKUP_ACTIVE, activations + 1, START);
        LOG.info("primary killed; backup active");
    }

    /**
     * Restarts the primary (fail-back) and waits until it is active and the backup waits again;
     * returns the instant ({@link System#nanoTime()}) the primary was seen accepting connections.
     */
    public long restartPrimary() throws Exception {
        int announced = backup.occurrences(BACKUP_ANNOUNCED);
        primary.start();
        long accepting = System.nanoTime();
        backup.awaitLog(BACKUP_ANNOUNCED, announced + 1, START);
        LOG.info("primary back; backup waiting again");
        return accepting;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            backup.stop();
        } finally {
            primary.stop();
        }
    }
}
