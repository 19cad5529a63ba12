package com.portfolio.bridge.bench;

import com.portfolio.bridge.cluster.LibertyNode;
import com.portfolio.bridge.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bridge: one Liberty node on the artemis bus, measured with jcmd (GC, heap) and /proc. */
final class BridgeTarget implements Target {

    private static final String CUT = ": client stopped reading";
    // G1 before 25: "total 397312K, used 17947K"; from 25: "total reserved 6172672K, committed 393216K, used 10864K".
    private static final Pattern USED = Pattern.compile("heap +total [^\\n]*?, used (\\d+)K");

    private final LocalCluster cluster;
    private final LibertyNode node;

    /** Node 1 of the cluster, started by {@link #start()}. */
    BridgeTarget(LocalCluster cluster) {
        this.cluster = cluster;
        this.node = cluster.node(1);
    }

    @Override
    public String name() {
        return "bridge";
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + node.httpPort();
    }

    @Override
    public void start() throws Exception {
        cluster.startNode(1);
    }

    /** The same server again: no fresh layout, so Liberty finds its caches in the workarea. */
    @Override
    public void restart() throws Exception {
        node.stop();
        node.start();
    }

    private static final Pattern STARTED = Pattern.compile("CWWKF0011I: .* started in ([0-9.]+) seconds");

    @Override
    public double reportedStartSeconds() throws IOException {
        Matcher started = STARTED.matcher(node.messagesLog());
        return started.find() ? Double.parseDouble(started.group(1)) : Double.NaN;
    }

    private long pid() throws IOException {
        return node.process().pid();
    }

    @Override
    public long heapAfterGc() throws Exception {
        jcmd("GC.run");
        if (Boolean.getBoolean("bench.histogram")) {
            // -Dbench.histogram=true: what the heap holds, for profiling per-client memory.
            writeJcmd("histogram", "GC.class_histogram");
        }
        if (Boolean.getBoolean("bench.heapdump")) {
            // -Dbench.heapdump=true: a heap dump at the idle hold, for bench/tools/heap_owners.py.
            Path dump = Path.of("target/bench/idle-" + System.currentTimeMillis() + ".hprof").toAbsolutePath();
            Files.createDirectories(dump.getParent());
            jcmd("GC.heap_dump " + dump);
        }
        if (Boolean.getBoolean("bench.nmt")) {
            // -Dbench.nmt=true: where the RSS goes, if the node runs with -XX:NativeMemoryTracking=summary.
            writeJcmd("nmt", "VM.native_memory summary");
        }
        return usedBytes(jcmd("GC.heap_info"));
    }

    /** The heap's used bytes from G1's {@code jcmd GC.heap_info}, in the format of Java 17 or 25. */
    static long usedBytes(String heapInfo) {
        Matcher used = USED.matcher(heapInfo);
        if (!used.find()) {
            throw new IllegalStateException("cannot read the heap size from jcmd GC.heap_info: " + heapInfo);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** A jcmd's output to target/bench/{prefix}-{time}.txt, for reading after the run. */
    private void writeJcmd(String prefix, String command) throws Exception {
        Path out = Path.of("target/bench/" + prefix + "-" + System.currentTimeMillis() + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, jcmd(command));
    }

    private String jcmd(String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(pid()), command))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    @Override
    public double cpuSeconds() throws Exception {
        return ProcessStats.cpuSeconds(pid());
    }

    @Override
    public long rss() throws Exception {
        return ProcessStats.rss(pid());
    }

    /** The capacity readiness check's count (what the connection cap is measured against). */
    @Override
    public int connections() {
        return node.readinessCheck("capacity").getJsonObject("data").getInt("connections");
    }

    /** The WARNING lines the transport logs when a send misses its deadline or the queue its cap: one per cut. */
    @Override
    public double cutsForNotReading() throws IOException {
        return node.messagesLog().lines().filter(line -> line.contains(CUT)).count();
    }

    /** The engine closes these without a log line or a counter. */
    @Override
    public double heartbeatCloses() {
        return Double.NaN;
    }

    @Override
    public void close() throws Exception {
        node.stop();
    }
}
