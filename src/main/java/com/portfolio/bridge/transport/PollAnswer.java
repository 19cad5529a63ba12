package com.portfolio.bridge.transport;

import com.portfolio.bridge.socketio.HeldPoll;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one GET poll's answer, which the engine wrote into memory ({@link HeldPoll}). Written
 * straight to a client that stopped reading, it would hold the session's lock (and a shared
 * thread) until Liberty's write timeout; so it goes out on a {@link PollWriters} thread, which
 * completes the request when the write is done or has failed.
 */
final class PollAnswer implements HeldPoll.Answer {

    private static final Logger LOG = Logger.getLogger(PollAnswer.class.getName());

    private final HttpServletResponse raw;
    private final Executor writers;
    private final Runnable answered;
    private final Consumer<IOException> notTaken;

    /**
     * @param answered told when the engine has answered: the client may send its next poll
     * @param notTaken told when the answer could not be written (the client stopped reading, or went away)
     */
    PollAnswer(HttpServletResponse raw, Executor writers, Runnable answered, Consumer<IOException> notTaken) {
        this.raw = raw;
        this.writers = writers;
        this.answered = answered;
        this.notTaken = notTaken;
    }

    @Override
    public void ready(byte[] body, AsyncContext started) {
        answered.run();
        if (started == null) {
            write(body); // a synchronous request: this is the container's own thread
            return;
        }
        SessionCloser.execute(writers, () -> {
            try {
                write(body);
            } finally {
                complete(started);
            }
        });
    }

    private void write(byte[] body) {
        try {
            ServletOutputStream out = raw.getOutputStream();
            out.write(body);
            out.close();
        } catch (IOException failure) {
            notTaken.accept(failure);
        }
    }

    private static void complete(AsyncContext started) {
        try {
            started.complete();
        } catch (IllegalStateException alreadyOver) {
            // timed out or failed meanwhile: the container has finished the request itself
            LOG.log(Level.FINE, "poll already over", alreadyOver);
        }
    }
}
