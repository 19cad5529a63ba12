package com.portfolio.bridge.bench;

/** A server under benchmark: the bridge or the Node peer, fed by the same broker. */
interface Target extends AutoCloseable {

    String name();

    /** Base URL clients connect to (no namespace). */
    String url();

    void start() throws Exception;

    /** Bytes of live heap after a full collection. */
    long heapAfterGc() throws Exception;

    /** Resident set size of the server process, bytes. */
    long rss() throws Exception;

    /** CPU seconds (user + system) the server process has used so far. */
    double cpuSeconds() throws Exception;

    @Override
    void close() throws Exception;
}
