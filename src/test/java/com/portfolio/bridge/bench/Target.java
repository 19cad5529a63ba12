package com.portfolio.bridge.bench;

import java.io.IOException;

/** A server under benchmark: the bridge or the Node peer, fed by the same broker. */
interface Target extends AutoCloseable {

    String name();

    /** Base URL clients connect to (no namespace). */
    String url();

    void start() throws Exception;

    /**
     * Stops the server and starts it again from what its first start left on disk (for Liberty:
     * the workarea, as the container image's build leaves it after {@code configure.sh}).
     */
    default void restart() throws Exception {
        close();
        start();
    }

    /** The server's own figure for its start (Liberty's CWWKF0011I), seconds; NaN if it gives none. */
    default double reportedStartSeconds() throws Exception {
        return Double.NaN;
    }

    /** Bytes of live heap after a full collection. */
    long heapAfterGc() throws Exception;

    /** Resident set size of the server process, bytes. */
    long rss() throws Exception;

    /** CPU seconds (user + system) the server process has used so far. */
    double cpuSeconds() throws Exception;

    /** Client connections the server holds now. */
    int connections() throws IOException, InterruptedException;

    /** Clients cut so far by a bound on what a non-reading client may hold up; NaN: no such bound. */
    double cutsForNotReading() throws IOException, InterruptedException;

    /** Clients closed so far for missing the heartbeat; NaN: the server does not count them. */
    double heartbeatCloses() throws IOException, InterruptedException;

    @Override
    void close() throws Exception;
}
