package com.portfolio.bridge.presence;

import com.portfolio.bridge.config.PresenceSettings;
import com.portfolio.bridge.presence.Announcement.Type;
import com.portfolio.bridge.presence.PresenceMachine.Transition;
import com.portfolio.bridge.realtime.LocalCounts;
import com.portfolio.bridge.recovery.Session;
import com.portfolio.bridge.recovery.SessionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cluster presence on one node: its own rooms, the others' announcements, the online/offline
 * machine, and which of its transitions this node must publish (it owns the user). Time is
 * passed in, so the whole protocol runs in unit tests; every method takes the one lock.
 */
public final class ClusterPresence {

    /** What a tick hands to the bus: announcements for the cluster, transitions for backends. */
    public record Outbox(List<Announcement> announcements, List<Transition> transitions) {
    }

    /** A transition outbox is bounded: the oldest ones go first when the bus stays down. */
    static final int MAX_PENDING_TRANSITIONS = 100_000;

    private final String self;
    private final String run;
    private final LocalCounts local;
    private final ClusterView view;
    private final PresenceMachine machine;
    private final long heartbeatMs;
    private final long warmUntilMs;
    private final List<Transition> pending = new ArrayList<>();
    /** What this node owned while warming up; published after only if nobody else could have. */
    private final List<Transition> warmingOwned = new ArrayList<>();
    private boolean othersOwned;
    private boolean warm;
    private final Set<String> syncAsks = new TreeSet<>();
    private long seq;
    private long lastSentMs = Long.MIN_VALUE / 2;
    private boolean snapshotWanted;
    private boolean greeted;

    public ClusterPresence(String self, String run, LocalCounts local, PresenceSettings settings, long startMs) {
        this.self = self;
        this.run = run;
        this.local = local;
        this.view = new ClusterView(self, run, settings.nodeTimeoutMs());
        this.machine = new PresenceMachine(settings.graceMs());
        this.heartbeatMs = settings.heartbeatMs();
        // Long enough to hear every live node's heartbeat and snapshot before owning anything.
        this.warmUntilMs = startMs + 2 * settings.heartbeatMs();
    }

    public synchronized void receive(Announcement announcement, long nowMs) {
        ClusterView.Outcome outcome = view.receive(announcement, nowMs);
        othersOwned |= !announcement.node().equals(self) && !announcement.warming();
        snapshotWanted |= outcome.snapshotWanted();
        if (outcome.askSync()) {
            syncAsks.add(announcement.node());
        }
        settle(outcome.changedUsers(), nowMs);
        handOverSessions();
    }

    /** @param drainLocal whether this node's own room changes go out with this tick (else: a later one) */
    public synchronized Outbox tick(long nowMs, boolean drainLocal) {
        boolean warming = nowMs < warmUntilMs;
        List<Announcement> out = new ArrayList<>();
        if (!greeted) {
            greeted = true;
            out.add(Announcement.control(Type.SYNC, self, run, seq, warming, "*"));
        }
        Map<String, Integer> users = drainLocal ? local.drainUsers() : Map.of();
        Map<String, Map<String, Integer>> members = drainLocal ? local.drainMembers() : Map.of();
        Map<String, SessionState> sessions = drainLocal ? local.drainSessions() : Map.of();
        if (!users.isEmpty() || !members.isEmpty() || !sessions.isEmpty()) {
            out.add(new Announcement(Type.DELTA, self, run, ++seq, warming, null, users, members, sessions));
        }
        if (snapshotWanted) {
            snapshotWanted = false;
            out.add(new Announcement(Type.SNAPSHOT, self, run, seq, warming, null, local.allUsers(), local.allMembers(),
                    local.allSessions()));
        }
        syncAsks.forEach(node -> out.add(Announcement.control(Type.SYNC, self, run, seq, warming, node)));
        syncAsks.clear();
        if (out.isEmpty() && nowMs - lastSentMs >= heartbeatMs) {
            out.add(Announcement.control(Type.BEAT, self, run, seq, warming, null));
        }
        if (!out.isEmpty()) {
            lastSentMs = nowMs;
        }
        Set<String> changed = new HashSet<>(users.keySet());
        changed.addAll(view.expire(nowMs));
        settle(changed, nowMs);
        handOverSessions();
        machine.expire(nowMs).forEach(t -> own(t, warming));
        if (!warming && !warm) {
            warm = true;
            // Another node past its warm-up owned every user meanwhile, and published for them.
            if (!othersOwned) {
                pending.addAll(warmingOwned);
            }
            warmingOwned.clear();
        }
        List<Transition> transitions = List.copyOf(pending);
        pending.clear();
        return new Outbox(out, transitions);
    }

    /** Transitions the bus did not take: sent again with the next tick, before newer ones. */
    public synchronized void retry(List<Transition> unsent) {
        pending.addAll(0, unsent);
        if (pending.size() > MAX_PENDING_TRANSITIONS) {
            pending.subList(0, pending.size() - MAX_PENDING_TRANSITIONS).clear();
        }
    }

    /** The last word of a node that stops: the others drop it at once instead of after the timeout. */
    public synchronized Announcement bye() {
        return Announcement.control(Type.BYE, self, run, seq, false, null);
    }

    public synchronized UserPresence user(String userId) {
        int here = local.sockets(userId);
        List<String> nodes = new ArrayList<>(view.nodesOf(userId));
        if (here > 0) {
            nodes.add(self);
            nodes.sort(null);
        }
        return new UserPresence(userId, here + view.sockets(userId), List.copyOf(nodes));
    }

    public synchronized RoomPresenceView conversation(String conversationId) {
        Map<String, Integer> members = new HashMap<>(view.members(conversationId));
        local.conversation(conversationId).forEach((user, count) -> members.merge(user, count, Integer::sum));
        int sockets = members.values().stream().mapToInt(Integer::intValue).sum();
        return new RoomPresenceView(conversationId, sockets, List.copyOf(new TreeSet<>(members.keySet())));
    }

    /** A session another node announced (connected there, or kept), for recovery here. */
    public synchronized Optional<Session> sessionElsewhere(String pid, long nowMs) {
        return view.session(pid, nowMs);
    }

    /**
     * A command every node applies, applied to the sessions this node knows of the others' too.
     * @param room the contract room joined or left; null for a disconnect (the sessions end)
     */
    public synchronized void command(String userId, String room, boolean join) {
        view.command(userId, room, join);
    }

    private void handOverSessions() {
        Set<String> claimed = view.takeClaimed();
        if (!claimed.isEmpty()) {
            local.claimedElsewhere(claimed);
        }
        List<Session> orphans = view.takeOrphans();
        if (!orphans.isEmpty()) {
            local.adopt(orphans);
        }
    }

    private void settle(Set<String> users, long nowMs) {
        boolean warming = nowMs < warmUntilMs;
        users.forEach(userId -> machine.update(userId, local.sockets(userId) + view.sockets(userId), nowMs)
                .ifPresent(t -> own(t, warming)));
    }

    private void own(Transition transition, boolean warming) {
        if (owns(transition.userId(), warming)) {
            (warming ? warmingOwned : pending).add(transition);
        }
    }

    private boolean owns(String userId, boolean warming) {
        return self.equals(Owners.owner(userId, view.owners(warming)));
    }
}
