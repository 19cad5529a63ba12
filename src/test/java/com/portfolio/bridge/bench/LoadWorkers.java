package com.portfolio.bridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Load generator processes (bench/load/clients.mjs), each holding a share of the clients: one
 * process could not hold them all under the machine's open-file limit.
 */
final class LoadWorkers implements AutoCloseable {

    /** Clients per worker when holding many: far below the per-process open-file limit. */
    static final int PER_WORKER = 5_000;

    private final List<Process> processes = new ArrayList<>();
    private final List<Writer> inputs = new ArrayList<>();
    private final List<BlockingQueue<JSONObject>> outputs = new ArrayList<>();

    /**
     * Starts workers for clients [0, count) of the given spec (url, conversations, JWT settings);
     * each gets its own range and a spread of loopback source addresses.
     */
    LoadWorkers(Path benchDir, JSONObject spec, int count) throws IOException {
        this(benchDir, spec, count, PER_WORKER);
    }

    /** As above, at most {@code perWorker} clients a process (busy clients need more processes). */
    LoadWorkers(Path benchDir, JSONObject spec, int count, int perWorker) throws IOException {
        int workers = Math.max(1, (count + perWorker - 1) / perWorker);
        for (int w = 0; w < workers; w++) {
            int from = w * count / workers;
            int to = (w + 1) * count / workers;
            JSONArray sources = new JSONArray();
            for (int a = 0; a < 50; a++) {
                sources.put("127.0." + (w + 1) + "." + (a + 2));
            }
            JSONObject mine = new JSONObject(spec.toString()).put("from", from).put("count", to - from).put("sources", sources);
            Process process = new ProcessBuilder(List.of("node", "load/clients.mjs", mine.toString()))
                    .directory(benchDir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            processes.add(process);
            inputs.add(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            BlockingQueue<JSONObject> queue = new LinkedBlockingQueue<>();
            outputs.add(queue);
            Thread reader = new Thread(() -> read(process, queue), "load-worker-" + w);
            reader.setDaemon(true);
            reader.start();
        }
    }

    private static void read(Process process, BlockingQueue<JSONObject> queue) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            out.lines().map(JSONObject::new).forEach(queue::add);
        } catch (IOException e) {
            queue.add(new JSONObject().put("type", "gone").put("error", e.getMessage()));
        }
    }

    /** Sends a command to every worker and returns each one's next message. */
    List<JSONObject> ask(JSONObject command, long timeoutSeconds) throws Exception {
        for (Writer input : inputs) {
            input.write(command.toString() + "\n");
            input.flush();
        }
        return next(timeoutSeconds);
    }

    /** Sends a command to the first worker only. */
    JSONObject askFirst(JSONObject command, long timeoutSeconds) throws Exception {
        inputs.get(0).write(command.toString() + "\n");
        inputs.get(0).flush();
        return take(outputs.get(0), timeoutSeconds);
    }

    /** Each worker's next message (e.g. "connected" after start). */
    List<JSONObject> next(long timeoutSeconds) throws Exception {
        List<JSONObject> answers = new ArrayList<>();
        for (BlockingQueue<JSONObject> queue : outputs) {
            answers.add(take(queue, timeoutSeconds));
        }
        return answers;
    }

    private static JSONObject take(BlockingQueue<JSONObject> queue, long timeoutSeconds) throws Exception {
        JSONObject answer = queue.poll(timeoutSeconds, TimeUnit.SECONDS);
        if (answer == null) {
            throw new IllegalStateException("a load worker did not answer within " + timeoutSeconds + " s");
        }
        return answer;
    }

    @Override
    public void close() throws Exception {
        for (int i = 0; i < processes.size(); i++) {
            try {
                inputs.get(i).write("{\"cmd\":\"close\"}\n");
                inputs.get(i).flush();
            } catch (IOException alreadyGone) {
                // the process ended by itself; nothing to tell it
            }
        }
        for (Process process : processes) {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
