package com.portfolio.bridge.cluster;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One bridge node: a Liberty server in the build's install, assembled exactly as the Dockerfile
 * builds the container image ({@link ImageLayout}: its COPYs, its ENV, started through its CMD
 * script), plus the harness's own server.env settings (ports, node id, broker) after the image's.
 */
public final class LibertyNode {

    private static final Logger LOG = Logger.getLogger(LibertyNode.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path wlp;
    private final String name;
    private final int httpPort;
    private Path projectRoot;
    private int openFileLimit;
    private boolean killed;

    public LibertyNode(Path wlp, String name, int httpPort) {
        this.wlp = wlp;
        this.name = name;
        this.httpPort = httpPort;
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path logs() {
        return serverDir().resolve("logs");
    }

    public boolean prepared() {
        return Files.exists(serverDir().resolve("server.env"));
    }

    /** The server's directory: the image's /config. */
    public Path serverDir() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    private ImageServer image(Path root) {
        return new ImageServer(root, new ImagePaths(serverDir(), wlp, serverDir().resolve("image-helpers")));
    }

    /**
     * Writes a fresh server as the Dockerfile lays out the image, from the project holding
     * {@code libertyConfig} (its parent: where the Dockerfile is), whose image must copy both
     * {@code libertyConfig} and {@code war}; then server.env: the image's ENV, then ports and
     * {@code env} (later lines win).
     */
    public void prepare(Path libertyConfig, Path war, Map<String, String> env) throws IOException {
        projectRoot = libertyConfig.toAbsolutePath().normalize().getParent();
        Map<String, String> own = new HashMap<>(env);
        own.put("HTTP_PORT", String.valueOf(httpPort));
        own.put("HTTPS_PORT", String.valueOf(httpPort + 360));
        image(projectRoot).assemble(serverDir(), List.of(libertyConfig, war), own);
    }

    /**
     * After {@link #prepare}: listen on loopback only, unlike the image (which listens on every
     * interface) — for dev-mode nodes, whose token endpoint would mint tokens for anyone.
     */
    public void listenOnLoopbackOnly() throws IOException {
        Path override = serverDir().resolve("configDropins/overrides/zz-harness-loopback.xml");
        Files.createDirectories(override.getParent());
        Files.writeString(override, "<server>\n    <variable name=\"http.host\" value=\"localhost\"/>\n</server>\n");
    }

    /** After {@link #prepare}: a Liberty trace specification, written to logs/trace.log; blank: none. */
    public void trace(String specification) throws IOException {
        if (specification.isBlank()) {
            return;
        }
        Path override = serverDir().resolve("configDropins/overrides/zz-harness-trace.xml");
        Files.createDirectories(override.getParent());
        Files.writeString(override, "<server>\n    <logging traceSpecification=\"*=info:" + specification + "\"/>\n</server>\n");
    }

    /** Starts the server and waits for the app to report ready. */
    public void start() throws Exception {
        startServer();
        awaitReady(Duration.ofSeconds(90));
        LOG.info(() -> name + " ready on port " + httpPort);
    }

    /**
     * Starts the server process only (it returns once Liberty runs; the app may still start),
     * through the image's CMD script with the image's ENV in its environment, as a container
     * would; {@code start} instead of the CMD's {@code run}, so the harness gets control back.
     */
    public void startServer() throws Exception {
        killed = false;
        Path root = projectRoot != null ? projectRoot
                : Path.of(System.getProperty("cluster.liberty.config", "liberty")).toAbsolutePath().getParent();
        ImageServer.Launch launch = image(root).launch(wlp);
        Map<String, String> env = launch.env();
        if (openFileLimit > 0) {
            // In the shell that launches it, as a deployment would. Both limits: HotSpot raises
            // its soft limit to the hard one at start (-XX:+MaxFDLimit).
            Processes.run(Duration.ofMinutes(2), env, "bash", "-c",
                    "ulimit -n " + openFileLimit + " && exec \"$0\" start \"$1\"", launch.script(), name);
        } else {
            Processes.run(Duration.ofMinutes(2), env, launch.script(), "start", name);
        }
    }

    /** Launch the server with this open-file limit (soft and hard). */
    public LibertyNode withOpenFileLimit(int limit) {
        this.openFileLimit = limit;
        return this;
    }

    public String messagesLog() throws IOException {
        Path log = logs().resolve("messages.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** {@link #messagesLog}, or "" when it cannot be read now: for a wait that asks again. */
    public String messagesLogSoFar() {
        try {
            return messagesLog();
        } catch (IOException e) {
            return "";
        }
    }

    /** {@code kill -9}: no shutdown hook, no goodbye; waits until the process is gone. */
    public void kill() throws Exception {
        ProcessHandle process = process();
        process.destroyForcibly();
        process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        Files.deleteIfExists(pidFile());
        killed = true;
        LOG.info(() -> name + " killed (pid " + process.pid() + ")");
    }

    /** {@code kill -TERM}, what an orchestrator sends: returns at once; wait on the handle's {@code onExit()}. */
    public ProcessHandle terminate() throws IOException {
        ProcessHandle process = process();
        process.destroy();
        LOG.info(() -> name + " sent SIGTERM (pid " + process.pid() + ")");
        return process;
    }

    /** The running server's JVM, from Liberty's pid file. */
    public ProcessHandle process() throws IOException {
        long pid = Long.parseLong(Files.readString(pidFile()).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + ": no process " + pid));
    }

    private Path pidFile() {
        return wlp.resolve("usr/servers/.pid").resolve(name + ".pid");
    }

    /**
     * {@code server stop}, when the server runs: a node killed, terminated or stopped already is
     * left alone (asking Liberty's script costs seconds only to hear "not running").
     */
    public void stop() throws IOException, InterruptedException {
        if (killed || !running()) {
            return;
        }
        long from = System.nanoTime();
        Processes.run(Duration.ofMinutes(2), wlp.resolve("bin/server").toString(), "stop", name);
        LOG.info(() -> name + " stopped in " + (System.nanoTime() - from) / 1_000_000 + " ms");
    }

    /** Whether the server's JVM runs: Liberty's pid file names a live process. */
    public boolean running() throws IOException {
        Path pid = pidFile();
        if (!Files.exists(pid)) {
            return false;
        }
        String text = Files.readString(pid).trim();
        // Empty while the script writes it: starting, so running.
        return text.isEmpty() || ProcessHandle.of(Long.parseLong(text)).map(ProcessHandle::isAlive).orElse(false);
    }

    public void awaitReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!"UP".equals(readinessStatus())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready after " + limit + ": " + readinessText()
                        + "; see " + logs().resolve("messages.log"));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
        }
    }

    /** UP, DOWN, or null when the server does not answer. */
    public String readinessStatus() {
        String text = readinessText();
        return text == null ? null : parse(text).getString("status", null);
    }

    /** The bus check's data: node id, consumed / dead-lettered counts per kind, probe ages. */
    public JsonObject busData() {
        return readinessCheck("bus").getJsonObject("data");
    }

    /** The whole readiness answer ({@code status}, {@code checks}), or null when the server does not answer. */
    public JsonObject readiness() {
        String text = readinessText();
        return text == null ? null : parse(text);
    }

    /** Notifications the node took from the bus since it started (the bus check's data). */
    public long consumedNotifications() {
        return busData().getJsonNumber("notification.consumed").longValue();
    }

    /** One readiness check's answer ({@code name}, {@code status}, {@code data}). */
    public JsonObject readinessCheck(String check) {
        String text = readinessText();
        if (text == null) {
            throw new IllegalStateException(name + " does not answer");
        }
        return parse(text).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(answer -> check.equals(answer.getString("name")))
                .findFirst().orElseThrow();
    }

    private String readinessText() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body().startsWith("{") ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
