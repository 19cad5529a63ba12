package com.portfolio.bridge.socketio;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.socketio.server.SocketIoAdapter;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoServerOptions;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.Packet;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.json.JSONObject;

/** Test doubles for driving engine.io-server 6.3.2 / socket.io-server 4.1.2 in memory, without Liberty. */
final class LibraryDoubles {

    static final String NSP = "/portfolio";
    /** Unlike every engine timer (25 s, 20 s, 45 s), so its task is easy to find. */
    static final long CONNECT_TIMEOUT_MS = 46_000;

    private LibraryDoubles() {
    }

    static Map<String, String> query(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            map.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return map;
    }

    /** The engine and Socket.IO server as SocketIoEngine sets them up, on a clock that only moves when told. */
    static final class Rig {
        final ManualScheduler scheduler = new ManualScheduler();
        final EngineIoServer engine;
        final SocketIoServer io;
        final SocketIoNamespace namespace;
        final List<EngineIoSocket> connections = new CopyOnWriteArrayList<>();

        Rig() {
            this(options -> { }, null);
        }

        Rig(Consumer<EngineIoServerOptions> tweak, SocketIoAdapter.AdapterFactory adapters) {
            EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
            options.setCorsHandlingDisabled(true);
            options.setAllowSyncPolling(true);
            options.setScheduledExecutorService(scheduler);
            tweak.accept(options);
            engine = new EngineIoServer(options);
            SocketIoServerOptions socketOptions = SocketIoServerOptions.newFromDefault();
            socketOptions.setConnectionTimeout(CONNECT_TIMEOUT_MS);
            socketOptions.setAdapterFactory(adapters);
            io = new SocketIoServer(engine, socketOptions);
            engine.on("connection", args -> connections.add((EngineIoSocket) args[0]));
            namespace = io.namespace(NSP);
        }

        MemoryWebSocket webSocket(String queryText) {
            MemoryWebSocket ws = new MemoryWebSocket(query(queryText));
            engine.handleWebSocket(ws);
            return ws;
        }

        EngineIoSocket last() {
            return connections.get(connections.size() - 1);
        }

        /** The client's CONNECT to /portfolio on {@code ws}; the socket the namespace announced. */
        SocketIoSocket connect(MemoryWebSocket ws) {
            List<SocketIoSocket> made = new ArrayList<>();
            io.socket.engineio.server.Emitter.Listener grab = args -> made.add((SocketIoSocket) args[0]);
            namespace.on("connection", grab);
            ws.receive("40" + NSP + ",");
            namespace.off("connection", grab);
            return made.get(0);
        }

        Http send(Http http) throws IOException {
            engine.handleRequest(http.request(), http.response());
            return http;
        }

        /** A synchronous polling handshake; the new session's id. */
        String pollingHandshake() throws IOException {
            Http http = send(Http.sync("GET", "EIO=4&transport=polling"));
            return new JSONObject(http.body().substring(1)).getString("sid");
        }

        /** Whether the engine still holds the session: a PUT is refused "Session ID unknown" only if not. */
        boolean knows(String sid) throws IOException {
            Http probe = send(Http.sync("PUT", "EIO=4&transport=polling&sid=" + sid));
            return !(probe.status == 400 && probe.body().contains("\"code\": 1"));
        }
    }

    /** The engine's WebSocket abstraction, capturing frames in memory. */
    static final class MemoryWebSocket extends EngineIoWebSocket {
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

    /** An adapter that keeps rooms in maps and logs "add:room" / "remove:room" / "broadcast". */
    static final class RecordingAdapter extends SocketIoAdapter {
        final List<String> log;
        volatile Consumer<SocketIoSocket> onOwnRoom = socket -> { };
        private final Map<String, Set<SocketIoSocket>> rooms = new ConcurrentHashMap<>();

        RecordingAdapter(SocketIoNamespace namespace, List<String> log) {
            super(namespace);
            this.log = log;
        }

        @Override
        public void broadcast(Packet<?> packet, String[] to, String[] except) {
            log.add("broadcast");
        }

        @Override
        public void add(String room, SocketIoSocket socket) {
            log.add("add:" + room);
            rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(socket);
            if (room.equals(socket.getId())) {
                onOwnRoom.accept(socket);
            }
        }

        @Override
        public void remove(String room, SocketIoSocket socket) {
            log.add("remove:" + room);
            rooms.getOrDefault(room, Set.of()).remove(socket);
        }

        @Override
        public SocketIoSocket[] listClients(String room) {
            return rooms.getOrDefault(room, Set.of()).toArray(new SocketIoSocket[0]);
        }

        @Override
        public String[] listClientRooms(SocketIoSocket socket) {
            return rooms.entrySet().stream().filter(e -> e.getValue().contains(socket)).map(Map.Entry::getKey)
                    .toArray(String[]::new);
        }
    }

    /**
     * A ScheduledExecutorService that records one-shot tasks and runs them only when told; any other
     * use is logged in {@code refused} and throws (the engine's emitter may swallow the exception).
     */
    static final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
        final List<Task> tasks = new CopyOnWriteArrayList<>();
        final List<String> refused = new CopyOnWriteArrayList<>();
        volatile boolean shutdown;

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            Task task = new Task(command, delay, unit);
            tasks.add(task);
            return task;
        }

        /** The most recent task scheduled with this delay in milliseconds. */
        Task latest(long delayMs) {
            List<Task> matching = tasks.stream().filter(t -> t.unit.toMillis(t.delay) == delayMs).toList();
            return matching.get(matching.size() - 1);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            throw refuse("schedule(Callable)");
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            throw refuse("scheduleAtFixedRate");
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            throw refuse("scheduleWithFixedDelay");
        }

        @Override
        public void execute(Runnable command) {
            throw refuse("execute/submit");
        }

        private UnsupportedOperationException refuse(String call) {
            refused.add(call);
            return new UnsupportedOperationException(call);
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shutdown;
        }
    }

    /** A one-shot task: runs (once) only when a test calls run(), and not if cancelled. */
    static final class Task extends FutureTask<Object> implements ScheduledFuture<Object> {
        final long delay;
        final TimeUnit unit;

        Task(Runnable command, long delay, TimeUnit unit) {
            super(command, null);
            this.delay = delay;
            this.unit = unit;
        }

        /** Runs the task; a failure inside it fails the test rather than hiding in the future. */
        @Override
        public void run() {
            super.run();
            try {
                if (!isCancelled()) {
                    get();
                }
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("the scheduled task failed", e);
            }
        }

        @Override
        public long getDelay(TimeUnit u) {
            return u.convert(delay, unit);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }

    /**
     * One HTTP exchange: a request and a response (dynamic proxies of the jakarta.servlet interfaces,
     * answering only what the engine asks; anything else throws) and a log of the calls that matter.
     */
    static final class Http {
        final List<String> log = new CopyOnWriteArrayList<>();
        final String method;
        final String queryString;
        final Map<String, String> headers = new LinkedHashMap<>();
        final Map<String, Object> attributes = new HashMap<>();
        boolean asyncSupported = true;
        byte[] body = new byte[0];
        Integer contentLength;
        Runnable onFirstGetMethod;
        boolean asyncStarted;
        long asyncTimeout;
        final AsyncContext started = context("started");
        AsyncContext current = started;
        int status = 200;
        final Map<String, String> responseHeaders = new LinkedHashMap<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final StringWriter text = new StringWriter();
        Runnable onOutputClose = () -> { };
        private HttpServletRequest request;
        private HttpServletResponse response;

        Http(String method, String queryString) {
            this.method = method;
            this.queryString = queryString;
        }

        static Http sync(String method, String queryString) {
            Http http = new Http(method, queryString);
            http.asyncSupported = false;
            return http;
        }

        Http body(String content) {
            body = content.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        String body() {
            return out.toString(StandardCharsets.UTF_8) + text;
        }

        HttpServletRequest request() {
            if (request == null) {
                request = proxy(HttpServletRequest.class, (proxy, m, args) -> switch (m.getName()) {
                    case "getQueryString" -> queryString;
                    case "getMethod" -> {
                        Runnable hook = onFirstGetMethod;
                        onFirstGetMethod = null;
                        if (hook != null) {
                            hook.run();
                        }
                        yield method;
                    }
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    case "getHeaders" -> Collections.enumeration(headers.containsKey((String) args[0])
                            ? List.of(headers.get((String) args[0])) : List.of());
                    case "isAsyncSupported" -> asyncSupported;
                    case "isAsyncStarted" -> logged("isAsyncStarted", asyncStarted);
                    case "startAsync" -> {
                        asyncStarted = true;
                        yield logged(args == null ? "startAsync()" : "startAsync(req,res)", started);
                    }
                    case "getAsyncContext" -> logged("getAsyncContext", current);
                    case "getContentLength" -> contentLength != null ? contentLength : body.length;
                    case "getContentLengthLong" -> (long) (contentLength != null ? contentLength : body.length);
                    case "getInputStream" -> input();
                    default -> unexpected(m.getName());
                });
            }
            return request;
        }

        HttpServletResponse response() {
            if (response == null) {
                response = proxy(HttpServletResponse.class, (proxy, m, args) -> switch (m.getName()) {
                    case "setStatus" -> status = logged("setStatus", (Integer) args[0]);
                    case "getStatus" -> status;
                    case "setContentType", "setCharacterEncoding" -> logged(m.getName(), null);
                    case "setContentLength" -> logged("setContentLength", null);
                    case "setHeader", "addHeader" -> responseHeaders.put((String) args[0], (String) args[1]);
                    case "getOutputStream" -> logged("getOutputStream", output());
                    case "getWriter" -> logged("getWriter", new PrintWriter(text));
                    default -> unexpected(m.getName());
                });
            }
            return response;
        }

        private <T> T logged(String event, T value) {
            log.add(event);
            return value;
        }

        private AsyncContext context(String name) {
            return proxy(AsyncContext.class, (proxy, m, args) -> switch (m.getName()) {
                case "addListener" -> logged("addListener@" + name, null);
                case "setTimeout" -> {
                    asyncTimeout = (Long) args[0];
                    yield logged("setTimeout@" + name, null);
                }
                case "getTimeout" -> asyncTimeout;
                case "complete" -> {
                    asyncStarted = false;
                    yield logged("complete@" + name, null);
                }
                default -> unexpected("AsyncContext." + m.getName());
            });
        }

        /** A second context, handed out by getAsyncContext() (a wrapper may answer with its own). */
        AsyncContext otherContext() {
            current = context("current");
            return current;
        }

        private ServletInputStream input() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        private ServletOutputStream output() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    log.add("write");
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                    log.add("close");
                    onOutputClose.run();
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        private static Object unexpected(String name) {
            throw new UnsupportedOperationException("the engine called " + name + ", which no test double answers");
        }

        private static <T> T proxy(Class<T> type, InvocationHandler handler) {
            InvocationHandler withObjectMethods = (proxy, m, args) -> switch (m.getName()) {
                case "toString" -> type.getSimpleName() + " double";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> handler.invoke(proxy, m, args);
            };
            return type.cast(Proxy.newProxyInstance(LibraryDoubles.class.getClassLoader(), new Class<?>[] {type},
                    withObjectMethods));
        }
    }
}
