package com.portfolio.bridge.bench;

import com.portfolio.bridge.cluster.Arrivals;
import com.portfolio.bridge.cluster.LocalCluster;
import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.RawSocketClient.Event;
import com.portfolio.bridge.it.support.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.json.JSONObject;

/**
 * The outage scenario's members: each user with a socket on node 1 and one on node 2, so every
 * event must cross both nodes' subscriptions. One reader thread per socket records arrivals.
 */
final class OutageSockets implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutageSockets.class.getName());

    record Member(String user, RawSocketClient client, Arrivals arrivals) {
    }

    private final List<String> users = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private volatile boolean reading = true;

    static OutageSockets connect(LocalCluster cluster, int userCount) throws Exception {
        OutageSockets sockets = new OutageSockets();
        for (int i = 0; i < userCount; i++) {
            sockets.users.add(RawSocketClient.unique("outage" + i));
        }
        for (int node = 1; node <= 2; node++) {
            for (String user : sockets.users) {
                sockets.add(user, node, RawSocketClient.connect(cluster.node(node).httpPort(), TestTokens.valid(user)));
            }
        }
        LOG.info(() -> sockets.members.size() + " sockets connected");
        return sockets;
    }

    private void add(String user, int node, RawSocketClient client) {
        if (!client.connected()) {
            throw new IllegalStateException(user + " was refused by node " + node);
        }
        Member member = new Member(user, client, new Arrivals(user + "@node-" + node));
        members.add(member);
        Thread reader = new Thread(() -> read(member), "reader-" + member.arrivals().name());
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Member member) {
        try {
            while (reading) {
                Event event = member.client().nextEventWithin(Duration.ofMillis(100));
                if (event != null && event.name().equals("notification:new")) {
                    member.arrivals().add(((JSONObject) event.argument()).getInt("seq"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<String> users() {
        return users;
    }

    List<Member> members() {
        return members;
    }

    /** Waits until every socket has every accepted event of its user; false if the limit passed first. */
    boolean awaitAll(Map<Integer, String> accepted, Duration limit) {
        try {
            Await.until("every accepted event on every socket", limit, Duration.ofMillis(100),
                    () -> members.stream().allMatch(m -> m.arrivals().hasAll(own(accepted, m.user()))));
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    static List<Integer> own(Map<Integer, String> accepted, String user) {
        return accepted.entrySet().stream().filter(e -> e.getValue().equals(user)).map(Map.Entry::getKey).toList();
    }

    /** The first arrival on any socket after {@code nanos}, or -1. */
    long firstArrivalAfter(long nanos) {
        return members.stream().mapToLong(m -> m.arrivals().firstAfter(nanos)).filter(n -> n > 0).min().orElse(-1);
    }

    long longestSilenceMillis(long fromNanos, long toNanos) {
        return members.stream().mapToLong(m -> m.arrivals().longestSilenceMillis(fromNanos, toNanos)).max().orElse(0);
    }

    /** Sockets that got a control frame after connecting (a DISCONNECT, a close): the server dropped them. */
    int disconnected() {
        return (int) members.stream().filter(m -> m.client().peekControl() != null).count();
    }

    @Override
    public void close() {
        reading = false;
        for (Member member : members) {
            try {
                member.client().close();
            } catch (RuntimeException e) {
                // A socket the server already closed: nothing left to do.
                LOG.fine(() -> member.arrivals().name() + ": " + e);
            }
        }
    }
}
