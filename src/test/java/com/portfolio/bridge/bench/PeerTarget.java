package com.portfolio.bridge.bench;

import com.portfolio.bridge.cluster.ArtemisBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/** The Node socket.io peer (bench/peer/server.mjs), measured through its own /stats. */
final class PeerTarget implements Target {

    private final Path benchDir;
    private final int port;
    private final Map<String, String> env;
    private Process process;

    /** {@code baseEnv}: the JWT settings (and any heartbeat override). */
    PeerTarget(Path benchDir, int port, ArtemisBroker broker, Map<String, String> baseEnv) {
        this.benchDir = benchDir;
        this.port = port;
        this.env = new java.util.HashMap<>(baseEnv);
        env.put("PEER_PORT", String.valueOf(port));
        env.put("PORTFOLIO_ARTEMIS_PORT", String.valueOf(broker.port()));
        env.put("PORTFOLIO_ARTEMIS_USER", broker.user());
        env.put("PORTFOLIO_ARTEMIS_PASSWORD", broker.password());
    }

    @Override
    public String name() {
        return "node peer";
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "--expose-gc", "peer/server.mjs"))
                .directory(benchDir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !"ready".equals(new JSONObject(line).optString("type"))) {
            throw new IllegalStateException("the peer did not start: " + line);
        }
        Thread drain = new Thread(() -> {
            try {
                out.lines().forEach(rest -> { });
            } catch (java.io.UncheckedIOException stopped) {
                // The peer was stopped (a restart closes its streams): nothing left to read.
            }
        }, "peer-stdout");
        drain.setDaemon(true);
        drain.start();
    }

    private JSONObject get(String path) throws IOException, InterruptedException {
        // HTTP/1.1: an h2c upgrade request would be taken (and dropped) by engine.io's upgrade handler.
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new JSONObject(response.body());
    }

    private JSONObject stats() throws IOException, InterruptedException {
        return get("/stats");
    }

    @Override
    public int connections() throws IOException, InterruptedException {
        return get("/connections").getInt("sockets");
    }

    /** The peer has no bound on what it buffers for a client: only its heartbeat drops one that stops reading. */
    @Override
    public double cutsForNotReading() {
        return Double.NaN;
    }

    @Override
    public double heartbeatCloses() throws IOException, InterruptedException {
        return get("/connections").getJSONObject("closes").optLong("ping timeout");
    }

    @Override
    public long heapAfterGc() throws Exception {
        return stats().getLong("heapUsed");
    }

    @Override
    public double cpuSeconds() throws Exception {
        return ProcessStats.cpuSeconds(process.pid());
    }

    @Override
    public long rss() throws Exception {
        return stats().getLong("rss");
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
