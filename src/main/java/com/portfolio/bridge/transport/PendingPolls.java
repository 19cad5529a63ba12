package com.portfolio.bridge.transport;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
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

    /**
     * The response to hand the engine: the poll ends as soon as the engine closes its body,
     * before the client can see it and send the next poll (the container's onComplete comes
     * later, and would make that next poll look like a second one).
     */
    HttpServletResponse track(HttpServletResponse response, String sid) {
        return new HttpServletResponseWrapper(response) {
            private ServletOutputStream stream;

            @Override
            public synchronized ServletOutputStream getOutputStream() throws IOException {
                if (stream == null) {
                    stream = new EndingStream(super.getOutputStream(), () -> open.remove(sid));
                }
                return stream;
            }
        };
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

    private static final class EndingStream extends ServletOutputStream {
        private final ServletOutputStream target;
        private final Runnable onClose;

        EndingStream(ServletOutputStream target, Runnable onClose) {
            this.target = target;
            this.onClose = onClose;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            onClose.run();
            target.close();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
