package com.portfolio.bridge.it.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.json.JSONObject;

/**
 * A TCP relay to the server in a Node process of its own ({@code src/test/js/vanishing-relay.mjs}),
 * through which clients' network can vanish without privileges: on {@link #vanish()} it stops
 * reading and writing and keeps every socket open, so the server sees peers that never read and
 * never close (no FIN, no RST) until {@link #close()} kills it. Out of the server's process, its
 * sockets do not count among the server's descriptors; only its two pipes do.
 */
public final class VanishingRelay implements AutoCloseable {

    private static final long ANSWER_WITHIN_SECONDS = 30;

    private final Process process;
    private final BufferedReader answers;
    private final Writer commands;
    private final ExecutorService executor;
    private final int port;

    private VanishingRelay(Process process, ExecutorService executor) throws Exception {
        this.process = process;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.executor = executor;
        this.port = answer("port");
    }

    /** @param executor runs the blocking reads of the relay's answers (a managed one in the server) */
    public static VanishingRelay start(File jsDir, int serverPort, ExecutorService executor) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", "vanishing-relay.mjs").directory(jsDir)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("TARGET_PORT", String.valueOf(serverPort));
        Process process = builder.start();
        try {
            return new VanishingRelay(process, executor);
        } catch (Exception | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Where clients connect instead of the server (on 127.0.0.1). */
    public int port() {
        return port;
    }

    /** Freezes every connection for good; answers how many were open. */
    public int vanish() throws Exception {
        commands.write("vanish\n");
        commands.flush();
        return answer("vanished");
    }

    private int answer(String key) throws InterruptedException, ExecutionException, TimeoutException {
        String line = CompletableFuture.supplyAsync(this::readLine, executor).get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
        if (line == null || !line.startsWith("{") || !new JSONObject(line).has(key)) {
            throw new IllegalStateException("the relay answered " + line + " instead of " + key);
        }
        return new JSONObject(line).getInt(key);
    }

    private String readLine() {
        try {
            return answers.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the relay: only now do its sockets close. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
