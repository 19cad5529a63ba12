package com.portfolio.bridge.it.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange on a socket of its own ({@code Connection: close}), read to the end:
 * the polling side of Engine.IO as a client with no HTTP library in between sees it.
 */
public final class OneShotHttp {

    public record Answer(int status, String body) {
    }

    private OneShotHttp() {
    }

    public static Answer get(int port, String pathAndQuery) throws IOException {
        return exchange(port, "GET", pathAndQuery, null);
    }

    public static Answer post(int port, String pathAndQuery, String body) throws IOException {
        return exchange(port, "POST", pathAndQuery, body);
    }

    public static Answer put(int port, String pathAndQuery) throws IOException {
        return exchange(port, "PUT", pathAndQuery, null);
    }

    /** The request's bytes, for a caller that sends them on a socket of its own. */
    public static byte[] request(int port, String method, String pathAndQuery, String body) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Connection: close\r\n"
                + (body == null ? "" : "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + payload.length + "\r\n")
                + "\r\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(payload);
        return bytes.toByteArray();
    }

    private static Answer exchange(int port, String method, String pathAndQuery, String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request(port, method, pathAndQuery, body));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IOException("no complete HTTP answer: " + text);
        }
        String head = text.substring(0, headEnd);
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        byte[] rest = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        boolean chunked = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
        byte[] body = chunked ? dechunk(rest) : rest;
        return new Answer(status, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] raw) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(raw);
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("truncated chunked body");
                }
                if (b != '\r') {
                    size.append((char) b);
                }
            }
            int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(length));
            in.readNBytes(2);
        }
    }
}
