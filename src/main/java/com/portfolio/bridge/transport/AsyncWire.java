package com.portfolio.bridge.transport;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import java.nio.ByteBuffer;

/**
 * The one place that relies on how Liberty sends: its asynchronous send takes a timeout
 * ({@code setSendTimeout}, passed down as the TCP write timeout; 0 would mean the channel's
 * inactivity timeout) and fails the handler with a SocketTimeoutException about a second later
 * than set; the handler never runs on the caller's thread. Its blocking send has no timeout at
 * all and parks its thread for good on a client that stopped reading, so it is never used.
 * StalledReadersIT fails if any of this changes.
 */
final class AsyncWire implements OutboundQueue.Wire {

    /** How much later than set Liberty's send timeout fires (its timeout check runs about once a second). */
    static final long TIMEOUT_GRAIN_MS = 2_000;

    private final RemoteEndpoint.Async remote;

    AsyncWire(RemoteEndpoint.Async remote, long timeoutMs) {
        this.remote = remote;
        remote.setSendTimeout(timeoutMs);
    }

    @Override
    public void send(Object frame, SendHandler done) {
        if (frame instanceof String text) {
            remote.sendText(text, done);
        } else {
            remote.sendBinary(ByteBuffer.wrap((byte[]) frame), done);
        }
    }
}
