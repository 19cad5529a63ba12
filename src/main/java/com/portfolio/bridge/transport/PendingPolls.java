package com.portfolio.bridge.transport;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which sessions have a GET poll open. The protocol allows one; the library answers a second
 * by failing the first with a 500. A second poll is refused here and the session closed.
 * Each open poll holds a token, so the late end of one poll never ends the next one.
 */
final class PendingPolls {

    private final Map<String, Object> open = new ConcurrentHashMap<>();

    /** @return the poll's token, or null if the session already has a poll open */
    Object begin(String sid) {
        Object token = new Object();
        return open.putIfAbsent(sid, token) == null ? token : null;
    }

    /**
     * Ends the poll as soon as the engine has answered it, before the client can see the answer
     * and send its next poll (the container's onComplete comes later, after the write).
     */
    void end(String sid, Object token) {
        open.remove(sid, token);
    }

    /** Ends the poll when its request is over, however: a backstop for answers never written. */
    void endWhenDone(HttpServletRequest request, String sid, Object token) {
        if (!request.isAsyncStarted()) {
            end(sid, token);
            return;
        }
        try {
            request.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    end(sid, token);
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                    end(sid, token);
                }

                @Override
                public void onError(AsyncEvent event) {
                    end(sid, token);
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                    // not restarted
                }
            });
        } catch (IllegalStateException completedMeanwhile) {
            end(sid, token);
        }
    }
}
