package com.portfolio.bridge.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A real ActiveMQ Artemis broker on loopback, from the distribution the build unpacks: an
 * instance made by {@code artemis create}, with the project's address settings merged in
 * (src/main/artemis/portfolio-broker.xml) and the bridge's broker plugin, run as a child process.
 */
public final class ArtemisBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ArtemisBroker.class.getName());

    private final Path home;
    private final Path instance;
    private final int port;
    private final String user;
    private final String password;
    private Process process;
    private String clientTls = "";

    public ArtemisBroker(Path home, Path instance, int port, String user, String password) {
        this.home = home;
        this.instance = instance;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public int port() {
        return port;
    }

    /** The instance directory ({@code etc/broker.xml}, {@code log/console.log}). */
    public Path instance() {
        return instance;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The client URL; with TLS, its query has the client's trust and key stores. */
    public String url() {
        return "tcp://127.0.0.1:" + port + clientTls;
    }

    /**
     * After {@link #create}: the one acceptor takes TLS only, with {@code keyStore} (the broker's
     * certificate) and, when {@code clientTrust} is given, a client certificate signed by it
     * (mutual TLS). {@link #url()} then carries {@code clientKeyStore} and {@code clientTrustStore}.
     */
    public void acceptOnlyTls(Path keyStore, Path clientTrust, String password, Path clientTrustStore, Path clientKeyStore)
            throws IOException {
        String tls = "sslEnabled=true;keyStorePath=" + keyStore + ";keyStorePassword=" + password + ";keyStoreType=PKCS12";
        if (clientTrust != null) {
            tls += ";needClientAuth=true;trustStorePath=" + clientTrust + ";trustStorePassword=" + password + ";trustStoreType=PKCS12";
        }
        Path brokerXml = instance.resolve("etc/broker.xml");
        String acceptor = "tcp://127.0.0.1:" + port + "?";
        String xml = Files.readString(brokerXml);
        if (!xml.contains(acceptor)) {
            throw new IllegalStateException("no acceptor " + acceptor + " in " + brokerXml);
        }
        Files.writeString(brokerXml, xml.replace(acceptor, acceptor + tls + ";"));
        clientTls = "?sslEnabled=true&trustStorePath=" + clientTrustStore + "&trustStorePassword=" + password
                + "&trustStoreType=PKCS12&keyStorePath=" + clientKeyStore + "&keyStorePassword=" + password + "&keyStoreType=PKCS12";
    }

    /** The instance's etc/broker.xml, for a harness that adjusts what {@code artemis create} wrote. */
    public Path brokerXml() {
        return instance.resolve("etc/broker.xml");
    }

    /** Makes a fresh instance (any earlier one, with its journal, is deleted). */
    public void create(Path settingsFragment) throws Exception {
        create(settingsFragment, List.of());
    }

    /**
     * Makes a fresh instance with more {@code artemis create} options on top of the usual ones:
     * TLS ({@code --ssl-key ...}), HA ({@code --shared-store --backup ...}), clustering.
     */
    public void create(Path settingsFragment, List<String> moreOptions) throws Exception {
        Processes.deleteTree(instance);
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/artemis").toString(), "create", instance.toString(),
                "--silent", "--force", "--user", user, "--password", password, "--require-login",
                "--host", "127.0.0.1", "--default-port", String.valueOf(port), "--no-web",
                "--no-amqp-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor", "--no-mqtt-acceptor",
                "--nio", "--no-fsync", "--java-memory", "512M"));
        command.addAll(moreOptions);
        Processes.run(Duration.ofMinutes(2), command.toArray(String[]::new));
        // The instance's lib/ is on the broker's class path: the bridge's broker plugin goes there.
        Path plugin = Path.of(System.getProperty("artemis.plugin"));
        Files.createDirectories(instance.resolve("lib"));
        Files.copy(plugin, instance.resolve("lib").resolve(plugin.getFileName()));
        Path brokerXml = instance.resolve("etc/broker.xml");
        Files.writeString(brokerXml, BrokerSettings.merge(Files.readString(brokerXml), Files.readString(settingsFragment)));
    }

    public void start() throws Exception {
        launch();
        Path console = console();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!accepting()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("broker exited with " + process.exitValue() + "; see " + console);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("broker did not open port " + port + "; see " + console);
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        LOG.info(() -> "Artemis broker up at " + url());
    }

    /**
     * Starts the broker's process and returns at once: a shared-store backup opens no port until
     * it takes over, so wait on its log instead ({@link #awaitLog}).
     */
    public void launch() throws IOException {
        Path console = console();
        Files.createDirectories(console.getParent());
        process = new ProcessBuilder(List.of(instance.resolve("bin/artemis").toString(), "run"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                .start();
    }

    /** The running broker's process (the instance's script execs its JVM), for what it costs. */
    public ProcessHandle process() {
        if (process == null) {
            throw new IllegalStateException("the broker is not running");
        }
        return process.toHandle();
    }

    private Path console() {
        return instance.resolve("log/console.log");
    }

    /** Waits until the broker's console log holds {@code marker} at least {@code times} times. */
    public void awaitLog(String marker, int times, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (occurrences(marker) < times) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException("broker not running; see " + console());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + marker + " (x" + times + ") within " + limit + "; see " + console());
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    /** How often the console log holds {@code marker} (a restarted instance appends to it). */
    public int occurrences(String marker) throws IOException {
        if (!Files.exists(console())) {
            return 0;
        }
        String log = Files.readString(console());
        int count = 0;
        for (int at = log.indexOf(marker); at >= 0; at = log.indexOf(marker, at + marker.length())) {
            count++;
        }
        return count;
    }

    /** Stops the broker as an operator would (SIGTERM: an orderly shutdown). */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    /** Kills the broker as a crash would (SIGKILL, no orderly shutdown), and waits until it is gone. */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        process = null;
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
