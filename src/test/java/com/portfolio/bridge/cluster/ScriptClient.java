package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/**
 * A Node script of src/test/js driving official socket.io-clients against two nodes: started with
 * both nodes' URLs and the build's test key, it prints one JSON line per thing that happens and
 * takes commands, one a line, on stdin.
 */
final class ScriptClient implements AutoCloseable {

    private final Process process;
    private final Writer steer;
    private final BlockingQueue<JSONObject> said = new LinkedBlockingQueue<>();

    private ScriptClient(Process process) {
        this.process = process;
        this.steer = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "script-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** @param env the script's own settings, beside NODE1_URL, NODE2_URL and the JWT ones */
    static ScriptClient start(String script, LocalCluster cluster, Map<String, String> env) throws IOException {
        return start(script, cluster.node(1), cluster.node(2), env);
    }

    /** As {@link #start(String, LocalCluster, Map)}, with {@code first} as the script's NODE1 and {@code second} as its NODE2. */
    static ScriptClient start(String script, LibertyNode first, LibertyNode second, Map<String, String> env) throws IOException {
        ProcessBuilder node = new ProcessBuilder("node", script)
                .directory(new File(System.getProperty("it.js.dir")))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> all = node.environment();
        all.put("NODE1_URL", "http://127.0.0.1:" + first.httpPort());
        all.put("NODE2_URL", "http://127.0.0.1:" + second.httpPort());
        all.put("JWT_PRIVATE_KEY_FILE", Path.of(System.getProperty("it.keys.dir"), "private.pem").toString());
        all.put("JWT_ISSUER", System.getProperty("it.jwt.issuer"));
        all.put("JWT_AUDIENCE", System.getProperty("it.jwt.audience"));
        all.putAll(env);
        return new ScriptClient(node.start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                said.add(new JSONObject(line));
            }
        } catch (IOException e) {
            said.add(new JSONObject().put("readerFailed", e.getMessage()));
        }
    }

    /** The next line the script printed, within {@code seconds}. */
    JSONObject next(int seconds) throws InterruptedException {
        JSONObject line = said.poll(seconds, TimeUnit.SECONDS);
        assertNotNull(line, "the clients said nothing for " + seconds + " s");
        return line;
    }

    /** A line the script printed within {@code millis}, or null. */
    JSONObject poll(long millis) throws InterruptedException {
        return said.poll(millis, TimeUnit.MILLISECONDS);
    }

    void send(String command) throws IOException {
        steer.write(command + "\n");
        steer.flush();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
