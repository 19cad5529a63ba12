package com.portfolio.bridge.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/**
 * A client that does the WebSocket and Socket.IO handshakes over a plain socket with a 4 KB
 * receive buffer, joins a conversation, then never reads again: a phone whose app froze with
 * its connection open. Everything sent to it afterwards piles up in the kernels' buffers.
 * Until {@link #stopPongs()} it sends a pong every 500 ms without reading (as
 * {@link StalledPoller} does), so the heartbeat never ends it: only the write path can, however
 * long a busy machine takes to owe it more than the kernels hold.
 */
public final class StalledReader implements AutoCloseable {

    private static final String NSP = "/portfolio";
    private static final ScheduledExecutorService PONGS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stalled-reader-pongs");
        thread.setDaemon(true);
        return thread;
    });

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private String engineId;
    private volatile ScheduledFuture<?> pongs;

    private StalledReader(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connected to /portfolio as the token's user and joined to {@code conversation}; then stalled. */
    public static StalledReader joined(int port, String token, String conversation) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        StalledReader reader = new StalledReader(socket);
        reader.upgrade(port);
        String open = reader.readText();
        reader.engineId = new JSONObject(open.substring(1)).getString("sid");
        reader.sendText("40" + NSP + "," + new JSONObject().put("token", token));
        reader.expect("40" + NSP + ",");
        reader.sendText("42" + NSP + ",1[\"join-conversation\"," + JSONObject.quote(conversation) + "]");
        reader.expect("43" + NSP + ",1[{\"ok\":true}]");
        reader.pongs = PONGS.scheduleAtFixedRate(reader::pong, 500, 500, TimeUnit.MILLISECONDS);
        return reader;
    }

    /**
     * No more pongs: for a reader the server has cut, so nothing arrives from it while the
     * server closes its end (a client that froze sends nothing either).
     */
    public void stopPongs() {
        pongs.cancel(false);
    }

    private void pong() {
        try {
            sendText("3");
        } catch (IOException cutAndClosed) {
            // The server closed its end: the test watches that through the server, not the pongs.
            pongs.cancel(false);
        }
    }

    /** The Engine.IO session id the server gave this connection. */
    public String engineId() {
        return engineId;
    }

    private void upgrade(int port) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the upgrade: " + head);
            }
            head.write(b);
        }
        if (!head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head);
        }
    }

    private void expect(String prefix) throws IOException {
        for (int frames = 0; frames < 10; frames++) {
            String text = readText();
            if (text.startsWith(prefix)) {
                return;
            }
        }
        throw new IOException("no frame starting with " + prefix);
    }

    /** The next text frame (the handshake's frames are small and never fragmented). */
    private String readText() throws IOException {
        int first = read();
        int second = read();
        long length = second & 0x7f;
        if (length == 126) {
            length = (read() << 8) | read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | read();
            }
        }
        byte[] payload = in.readNBytes((int) length);
        if ((first & 0x0f) != 1) {
            throw new IOException("expected a text frame, got opcode " + (first & 0x0f));
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    private int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("connection closed by the server");
        }
        return b;
    }

    private void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Closes the client's end (a FIN), as a client does that gives up after being cut. */
    @Override
    public void close() throws IOException {
        if (pongs != null) {
            pongs.cancel(false);
        }
        socket.close();
    }
}
