package com.portfolio.bridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * How fast the shared machine is right now: a fixed Python loop (10⁷ additions, the figure earlier
 * runs quote: 0.79 s on a quiet day, 1.0–1.1 s on a slow one) and the load average, sampled at the
 * start, between rounds and at the end, so a run's figures can be read against its day.
 */
final class MachineSpeed {

    private static final Logger LOG = Logger.getLogger(MachineSpeed.class.getName());
    private static final String LOOP = "s = 0\nfor i in range(10**7):\n    s += i\n";

    /** {@code seconds}: the loop's wall time, NaN without python3; {@code load}: /proc/loadavg's 1, 5, 15 min. */
    record Sample(String when, double seconds, String load) {
    }

    private final List<Sample> samples = new ArrayList<>();

    void sample(String when) {
        Sample sample = new Sample(when, loopSeconds(), loadAverage());
        samples.add(sample);
        LOG.info(() -> "machine speed " + when + ": " + sample.seconds() + " s, load " + sample.load());
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Wall time of {@code python3 -c <the loop>}, as {@code time} would give it. */
    private static double loopSeconds() {
        try {
            long start = System.nanoTime();
            Process python = new ProcessBuilder("python3", "-c", LOOP).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!python.waitFor(120, TimeUnit.SECONDS)) {
                python.destroyForcibly();
                return Double.NaN;
            }
            return python.exitValue() == 0 ? (System.nanoTime() - start) / 1e9 : Double.NaN;
        } catch (IOException e) {
            LOG.warning(() -> "no machine speed sample (python3): " + e.getMessage());
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
