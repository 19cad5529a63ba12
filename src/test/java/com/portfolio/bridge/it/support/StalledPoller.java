package com.portfolio.bridge.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/**
 * A long-polling client that joins a conversation and keeps its session alive (a pong POST
 * every 500 ms until the session is gone, so the heartbeat never ends it), until {@link #stall()}: it then sends a poll
 * from a socket with a 4 KB receive buffer and never reads the answer. A phone that froze
 * mid-download, its connection open.
 */
public final class StalledPoller implements AutoCloseable {

    private static final String NSP = "/portfolio";
    private static final ScheduledExecutorService PONGS = Executors.newScheduledThreadPool(1);

    private final int port;
    private final String sid;
    private Socket stalledPoll;
    private ScheduledFuture<?> pongs;

    private StalledPoller(int port, String sid) {
        this.port = port;
        this.sid = sid;
    }

    /** Connected to /portfolio as the token's user and joined to {@code conversation}; not yet stalled. */
    public static StalledPoller joined(int port, String token, String conversation) throws IOException {
        OneShotHttp.Answer open = OneShotHttp.get(port, "/socket.io/?EIO=4&transport=polling");
        String sid = new JSONObject(open.body().substring(1)).getString("sid");
        StalledPoller poller = new StalledPoller(port, sid);
        poller.post("40" + NSP + "," + new JSONObject().put("token", token));
        poller.pollUntil("40" + NSP + ",");
        poller.post("42" + NSP + ",1[\"join-conversation\"," + JSONObject.quote(conversation) + "]");
        poller.pollUntil("43" + NSP + ",1[{\"ok\":true}]");
        poller.pongs = PONGS.scheduleAtFixedRate(poller::pong, 500, 500, TimeUnit.MILLISECONDS);
        return poller;
    }

    public String engineId() {
        return sid;
    }

    /** Sends the next poll and never reads its answer. */
    public void stall() throws IOException {
        stalledPoll = new Socket();
        stalledPoll.setReceiveBufferSize(4096);
        stalledPoll.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        stalledPoll.getOutputStream().write(OneShotHttp.request(port, "GET", path(), null));
        stalledPoll.getOutputStream().flush();
    }

    private void pong() {
        try {
            if (OneShotHttp.post(port, path(), "3").status() != 200) {
                pongs.cancel(false); // the session is gone (400): nothing more to keep alive
            }
        } catch (IOException expectedOnceCut) {
            // the session is gone: the test watches that through the server, not the pongs
        }
    }

    private void post(String packet) throws IOException {
        OneShotHttp.Answer answer = OneShotHttp.post(port, path(), packet);
        if (answer.status() != 200) {
            throw new IOException("POST " + packet + " answered " + answer);
        }
    }

    private void pollUntil(String prefix) throws IOException {
        for (int polls = 0; polls < 10; polls++) {
            for (String packet : OneShotHttp.get(port, path()).body().split("\u001e")) {
                if (packet.startsWith(prefix)) {
                    return;
                }
            }
        }
        throw new IOException("no packet starting with " + prefix);
    }

    private String path() {
        return "/socket.io/?EIO=4&transport=polling&sid=" + sid;
    }

    /** Stops the pongs and closes the stalled poll's socket (a FIN). */
    @Override
    public void close() throws IOException {
        pongs.cancel(false);
        if (stalledPoll != null) {
            stalledPoll.close();
        }
    }
}
