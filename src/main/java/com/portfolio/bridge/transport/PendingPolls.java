package com.portfolio.bridge.transport;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which sessions have a GET poll open. The protocol allows one; the library answers a second
 * by failing the first with a 500. A second poll is refused here and the session closed.
 */
final class PendingPolls {

    private final Set<String> open = ConcurrentHashMap.newKeySet();

    /** @return false if the session already has a poll open */
    boolean begin(String sid) {
        return open.add(sid);
    }

    /** Ends the poll when its response is done: now, or when its async context finishes. */
    void endWhenDone(HttpServletRequest request, String sid) {
        if (!request.isAsyncStarted()) {
            open.remove(sid);
            return;
        }
        try {
            request.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    open.remove(sid);
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                    open.remove(sid);
                }

                @Override
                public void onError(AsyncEvent event) {
                    open.remove(sid);
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                    // not restarted
                }
            });
        } catch (IllegalStateException completedMeanwhile) {
            open.remove(sid);
        }
    }

    int size() {
        return open.size();
    }
}
