package com.portfolio.bridge.presence;

import com.portfolio.bridge.config.PresenceSettings;
import com.portfolio.bridge.presence.PresenceMachine.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Nodes of ClusterPresence on a simulated topic: every tick's announcements go, as JSON, to every
 * node on the bus (the sender too, as a JMS topic does); the published transitions are recorded.
 */
final class SimulatedCluster {

    static final PresenceSettings SETTINGS = new PresenceSettings(1_000, 5_000, 5_000, 100);

    final class Node {
        final String name;
        final FakeRooms rooms = new FakeRooms();
        final ClusterPresence presence;
        boolean alive = true;
        boolean onBus = true;

        Node(String name) {
            this.name = name;
            this.presence = new ClusterPresence(name, name + "-run", rooms, SETTINGS, now);
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    final List<Transition> published = new ArrayList<>();
    /** Announcements for which this is true are lost on the way. */
    Predicate<Announcement> lose = a -> false;
    long now;

    Node start(String name) {
        Node node = new Node(name);
        nodes.put(name, node);
        return node;
    }

    /** Runs every live node's ticks for {@code ms}, 100 ms apart. */
    void advance(long ms) {
        for (long end = now + ms; now < end;) {
            now += PresenceService.TICK_MS;
            for (Node node : List.copyOf(nodes.values())) {
                if (!node.alive) {
                    continue;
                }
                ClusterPresence.Outbox outbox = node.presence.tick(now, true);
                if (node.onBus) {
                    published.addAll(outbox.transitions());
                    outbox.announcements().forEach(this::deliver);
                } else {
                    node.presence.retry(outbox.transitions());
                }
            }
        }
    }

    void deliver(Announcement announcement) {
        if (lose.test(announcement)) {
            return;
        }
        String json = announcement.toJson();
        nodes.values().stream().filter(n -> n.alive && n.onBus)
                .forEach(n -> n.presence.receive(Announcement.parse(json), now));
    }

    void stop(Node node) {
        deliver(node.presence.bye());
        node.alive = false;
    }

    List<Transition> publishedFor(String userId) {
        return published.stream().filter(t -> t.userId().equals(userId)).toList();
    }
}
