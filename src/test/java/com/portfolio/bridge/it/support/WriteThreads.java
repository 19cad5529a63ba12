package com.portfolio.bridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What a stalled client can leave behind in the server's process: threads parked in writes, descriptors. */
public final class WriteThreads {

    // Liberty's frames for a blocking WebSocket write, for writing a close frame, and for a
    // blocking HTTP write (a long-polling answer).
    private static final Set<String> WRITE_FRAMES = Set.of("writeBufferForBasicRemoteSync", "outgoingCloseConnection",
            "simpleWait", "waitToClose", "synchWrite");

    // The bridge's own threads for bounded waits: SessionCloser's and PollWriters'.
    private static final List<String> BOUNDED_PREFIXES = List.of("portfolio-websocket-closer-", "portfolio-poll-writer-");

    private WriteThreads() {
    }

    /** Threads (name and the matching frame) that are inside one of Liberty's blocking writes right now. */
    public static List<String> blockedInWrites() {
        return inWrites(false);
    }

    /** As {@link #blockedInWrites}, but for threads other than the bridge's own closers and poll writers (bounded waits). */
    public static List<String> sharedThreadsInWrites() {
        return inWrites(true);
    }

    private static List<String> inWrites(boolean exceptClosers) {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .filter(t -> !(exceptClosers && BOUNDED_PREFIXES.stream().anyMatch(t.getThreadName()::startsWith)))
                .filter(WriteThreads::inWrite)
                .map(t -> t.getThreadName() + " in " + Arrays.stream(t.getStackTrace())
                        .filter(f -> WRITE_FRAMES.contains(f.getMethodName())).findFirst().orElseThrow())
                .toList();
    }

    private static boolean inWrite(ThreadInfo thread) {
        return Arrays.stream(thread.getStackTrace()).anyMatch(f -> WRITE_FRAMES.contains(f.getMethodName()));
    }

    /** Waits until no thread is in a write; on timeout, says which ones still are. */
    public static void awaitNoneInWrites(String what, java.time.Duration limit) throws java.util.concurrent.TimeoutException {
        awaitEmpty(what, limit, WriteThreads::blockedInWrites);
    }

    /** As {@link #awaitNoneInWrites}, for threads other than the bridge's own closers and poll writers. */
    public static void awaitNoSharedThreadsInWrites(String what, java.time.Duration limit)
            throws java.util.concurrent.TimeoutException {
        awaitEmpty(what, limit, WriteThreads::sharedThreadsInWrites);
    }

    private static void awaitEmpty(String what, java.time.Duration limit, java.util.function.Supplier<List<String>> inWrites)
            throws java.util.concurrent.TimeoutException {
        try {
            Await.until(what, limit, () -> inWrites.get().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new java.util.concurrent.TimeoutException(e.getMessage() + "; still in writes: " + inWrites.get());
        }
    }

    /** Open descriptors of this process (the server's, and the in-server test clients'). */
    public static long openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The most a connection's kernels can hold in flight: the largest send buffer plus a 4 KB reader's. */
    public static long kernelBufferBytes() {
        return tcpMemory("tcp_wmem", 2) + 8192;
    }

    /** A new TCP socket's receive buffer (tcp_rmem's default), which grows only as its reader reads. */
    public static long defaultReceiveBufferBytes() {
        return tcpMemory("tcp_rmem", 1);
    }

    private static long tcpMemory(String sysctl, int field) {
        try {
            // Files.readString stops early on /proc files (their size reads as 0).
            String[] values = Files.readAllLines(Path.of("/proc/sys/net/ipv4/" + sysctl)).get(0).trim().split("\\s+");
            return Long.parseLong(values[field]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
