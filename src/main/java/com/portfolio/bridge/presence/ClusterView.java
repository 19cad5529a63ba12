package com.portfolio.bridge.presence;

import com.portfolio.bridge.recovery.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The other nodes as their announcements describe them. A node not heard for the timeout is
 * dropped with its users — but only while this node hears its own announcements come back: when
 * the bus is down for us, silence from the others proves nothing. Not thread-safe.
 */
final class ClusterView {

    private static final Logger LOG = Logger.getLogger(ClusterView.class.getName());

    /** What one announcement changed; {@code askSync}: the sender's state here is incomplete. */
    record Outcome(Set<String> changedUsers, boolean askSync, boolean snapshotWanted) {
        static final Outcome NOTHING = new Outcome(Set.of(), false, false);
    }

    private final String self;
    private final String selfRun;
    private final long timeoutMs;
    private final Map<String, NodeState> nodes = new HashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private final List<Session> orphans = new ArrayList<>();
    private long selfHeardMs = Long.MIN_VALUE / 2;

    ClusterView(String self, String selfRun, long timeoutMs) {
        this.self = self;
        this.selfRun = selfRun;
        this.timeoutMs = timeoutMs;
    }

    Outcome receive(Announcement a, long nowMs) {
        if (a.node().equals(self)) {
            if (a.run().equals(selfRun)) {
                selfHeardMs = nowMs;
            }
            // Another run of our own id: an old message of a previous run (the TTL makes it rare).
            return Outcome.NOTHING;
        }
        if (a.type() == Announcement.Type.SYNC) {
            return new Outcome(Set.of(), false, self.equals(a.to()) || "*".equals(a.to()));
        }
        NodeState known = nodes.get(a.node());
        Set<String> changed = new HashSet<>();
        if (known != null && !known.run.equals(a.run())) {
            changed.addAll(drop(a.node(), nowMs));
            known = null;
        }
        if (a.type() == Announcement.Type.BYE) {
            return known == null ? Outcome.NOTHING : new Outcome(drop(a.node(), nowMs), false, false);
        }
        NodeState state = known != null ? known : new NodeState(a.node(), a.run());
        nodes.put(a.node(), state);
        state.lastHeardMs = nowMs;
        state.warming = a.warming();
        boolean gap = false;
        switch (a.type()) {
            case SNAPSHOT -> {
                LOG.fine(() -> "snapshot " + a.seq() + " from " + a.node() + " (had " + state.seq + "): "
                        + a.sessions().size() + " sessions");
                if (a.seq() >= state.seq) {
                    changed.addAll(state.replace(a));
                    claimed.addAll(state.applySessions(a, nowMs));
                    state.seq = a.seq();
                }
            }
            case DELTA -> {
                if (a.seq() > state.seq) {
                    gap = state.seq < 0 || a.seq() != state.seq + 1;
                    changed.addAll(state.apply(a));
                    claimed.addAll(state.applySessions(a, nowMs));
                    state.seq = a.seq();
                }
            }
            default -> gap = a.seq() > state.seq || state.seq < 0;
        }
        boolean ask = gap && nowMs - state.lastSyncAskMs >= timeoutMs / 2;
        if (ask) {
            state.lastSyncAskMs = nowMs;
        }
        return new Outcome(changed, ask, false);
    }

    /** Drops the nodes not heard for the timeout. @return their users */
    Set<String> expire(long nowMs) {
        if (nowMs - selfHeardMs >= timeoutMs) {
            return Set.of();
        }
        Set<String> changed = new HashSet<>();
        nodes.values().stream().filter(n -> nowMs - n.lastHeardMs >= timeoutMs).map(n -> n.node).toList()
                .forEach(node -> changed.addAll(drop(node, nowMs)));
        return changed;
    }

    private Set<String> drop(String node, long nowMs) {
        NodeState gone = nodes.remove(node);
        if (gone == null) {
            return Set.of();
        }
        orphans.addAll(gone.sessions(nowMs));
        return gone.users();
    }

    /** Sessions now connected to another node (since the last call). */
    Set<String> takeClaimed() {
        Set<String> taken = Set.copyOf(claimed);
        claimed.clear();
        return taken;
    }

    /** Sessions of nodes dropped since the last call. */
    List<Session> takeOrphans() {
        List<Session> taken = List.copyOf(orphans);
        orphans.clear();
        return taken;
    }

    /** A join/leave (room null: disconnect) command, applied to the other nodes' sessions of the user. */
    void command(String userId, String room, boolean join) {
        nodes.values().forEach(node -> node.command(userId, room, join));
    }

    /** A session another node announced, as a recoverable one. */
    Optional<Session> session(String pid, long nowMs) {
        return nodes.values().stream().flatMap(node -> node.session(pid, nowMs).stream()).findFirst();
    }

    int sockets(String userId) {
        return nodes.values().stream().mapToInt(node -> node.sockets(userId)).sum();
    }

    /** The other nodes where the user has sockets, sorted. */
    List<String> nodesOf(String userId) {
        return nodes.values().stream().filter(n -> n.sockets(userId) > 0).map(n -> n.node).sorted().toList();
    }

    /** User → sockets in the conversation, summed over the other nodes. */
    Map<String, Integer> members(String conversationId) {
        Map<String, Integer> sum = new HashMap<>();
        nodes.values().forEach(n -> n.members(conversationId).forEach((user, count) -> sum.merge(user, count, Integer::sum)));
        return sum;
    }

    /** The nodes that may own presence events: the alive ones past warming up, else all alive. */
    Set<String> owners(boolean selfWarming) {
        Set<String> all = new TreeSet<>(nodes.keySet());
        all.add(self);
        Set<String> warm = new TreeSet<>(all);
        nodes.values().stream().filter(n -> n.warming).forEach(n -> warm.remove(n.node));
        if (selfWarming) {
            warm.remove(self);
        }
        return warm.isEmpty() ? all : warm;
    }
}
