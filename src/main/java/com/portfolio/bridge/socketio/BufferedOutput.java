package com.portfolio.bridge.socketio;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * A response body the engine writes into memory, to be sent later by its owner: the engine
 * writes while it holds a session's lock, and a write to the network may wait on the client.
 */
final class BufferedOutput extends ServletOutputStream {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);
    private final Consumer<byte[]> onClose;
    private boolean closed;

    /** @param onClose told the body once, when the engine closes it */
    BufferedOutput(Consumer<byte[]> onClose) {
        this.onClose = onClose;
    }

    @Override
    public void write(int b) {
        body.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        body.write(b, off, len);
    }

    /** What has been written so far. */
    byte[] bytes() {
        return body.toByteArray();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.accept(body.toByteArray());
        }
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        throw new UnsupportedOperationException("the engine's answers are buffered and written by the bridge");
    }
}
