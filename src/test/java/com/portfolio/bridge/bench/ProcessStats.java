package com.portfolio.bridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory and CPU time of a process, from /proc. */
final class ProcessStats {

    /** Linux reports CPU times in clock ticks of 1/100 s (getconf CLK_TCK). */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessStats() {
    }

    static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    /** User plus system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // Fields after the command name (which may hold spaces), from field 3 on.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** As {@link #cpuSeconds}, over the process and its descendants (a launch script may not exec its JVM). */
    static double treeCpuSeconds(ProcessHandle root) throws IOException {
        double total = cpuSeconds(root.pid());
        for (ProcessHandle child : root.descendants().toList()) {
            try {
                total += cpuSeconds(child.pid());
            } catch (java.nio.file.NoSuchFileException gone) {
                // ended between the listing and the read: its time went with it
            }
        }
        return total;
    }
}
