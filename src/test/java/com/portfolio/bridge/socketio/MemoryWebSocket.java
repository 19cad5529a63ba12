package com.portfolio.bridge.socketio;

import io.socket.engineio.server.EngineIoWebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The engine's WebSocket abstraction, capturing frames in memory. */
final class MemoryWebSocket extends EngineIoWebSocket {
    final Map<String, String> query;
    final List<Object> frames = new CopyOnWriteArrayList<>();
    volatile Consumer<Object> onWrite = frame -> { };
    volatile int closes;

    MemoryWebSocket(Map<String, String> query) {
        this.query = query;
    }

    @Override
    public Map<String, String> getQuery() {
        return query;
    }

    @Override
    public Map<String, List<String>> getConnectionHeaders() {
        return Map.of("authorization", List.of("Bearer t"));
    }

    @Override
    public void write(String message) {
        onWrite.accept(message);
        frames.add(message);
    }

    @Override
    public void write(byte[] message) {
        onWrite.accept(message);
        frames.add(message);
    }

    @Override
    public void close() {
        closes++;
    }

    void receive(String text) {
        emit("message", text);
    }

    List<String> texts() {
        return frames.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
}
