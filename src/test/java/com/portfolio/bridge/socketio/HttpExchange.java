package com.portfolio.bridge.socketio;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One HTTP exchange: a request and a response (dynamic proxies of the jakarta.servlet interfaces,
 * answering only what the engine asks; anything else throws) and a log of the calls that matter.
 */
final class HttpExchange {

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

    HttpExchange(String method, String queryString) {
        this.method = method;
        this.queryString = queryString;
    }

    static HttpExchange sync(String method, String queryString) {
        HttpExchange http = new HttpExchange(method, queryString);
        http.asyncSupported = false;
        return http;
    }

    HttpExchange body(String content) {
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
                case "getInputStream" -> new PollingPost.Replay(body);
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
                case "flushBuffer" -> logged("flushBuffer", null);
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
        return type.cast(Proxy.newProxyInstance(HttpExchange.class.getClassLoader(), new Class<?>[] {type},
                withObjectMethods));
    }
}
