package com.portfolio.bridge.transport;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The write queues of the open WebSockets, so health can tell whether any send is stuck past its deadline. */
@ApplicationScoped
public class OpenWebSockets {

    private final Set<OutboundQueue> queues = ConcurrentHashMap.newKeySet();

    void opened(OutboundQueue queue) {
        queues.add(queue);
    }

    void closed(OutboundQueue queue) {
        queues.remove(queue);
    }

    public int count() {
        return queues.size();
    }

    /** Bytes queued on every open WebSocket, not yet written. */
    public long queuedBytes() {
        return queues.stream().mapToLong(OutboundQueue::queuedBytes).sum();
    }

    /** The age of the oldest send still pending on any WebSocket, in ms (0 when none is). */
    public long oldestPendingSendMs() {
        return TimeUnit.NANOSECONDS.toMillis(queues.stream().mapToLong(OutboundQueue::pendingSendNanos).reduce(0, Math::max));
    }
}
