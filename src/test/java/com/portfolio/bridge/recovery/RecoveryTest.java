package com.portfolio.bridge.recovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.config.RecoverySettings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whether a session comes back: all of it, or nothing. */
class RecoveryTest {

    private final Recovery recovery = new Recovery(new RecoverySettings(10_000, 2, 1_000_000, 10_000_000, 100),
            room -> room.startsWith("user-") ? Offset.NOTIFICATIONS : Offset.MESSAGES);

    private long event(int stream, String room, String messageId) {
        long id = EventIds.of(messageId);
        long seq = recovery.log(stream).append(id);
        recovery.buffers().append(room, stream, seq, id, "frame", System.currentTimeMillis());
        recovery.log(stream).completed(seq);
        return seq;
    }

    private String offsetAfter(String notificationId, String messageId) {
        return Offset.format(new String[] {notificationId == null ? null : EventIds.text(EventIds.of(notificationId)),
                EventIds.text(EventIds.of(messageId))}, List.of(List.of(), List.of()));
    }

    private void wentAway(String pid, String user, Set<String> rooms) {
        LiveSession session = recovery.admitted(pid, user);
        rooms.forEach(room -> recovery.room(session, room, true));
        recovery.disconnecting(session, "transport close", System.currentTimeMillis());
    }

    @Test
    void aSessionComesBackFromTheClientsPositionInEachStream() {
        event(Offset.MESSAGES, "conv-a", "ID:m1");
        wentAway("p", "alice", Set.of("user-alice", "conv-a"));
        long missed = event(Offset.MESSAGES, "conv-a", "ID:m2");
        Restore restore = recovery.plan("p", offsetAfter(null, "ID:m1"), "alice", System.currentTimeMillis()).orElseThrow();
        assertArrayEquals(new long[] {0, missed - 1}, restore.after());
        assertEquals(Set.of("user-alice", "conv-a"), restore.session().rooms());
    }

    @Test
    void nothingComesBackWhenARoomDroppedWhatWasMissedOrThePositionIsUnknown() {
        event(Offset.MESSAGES, "conv-a", "ID:m1");
        wentAway("p", "alice", Set.of("conv-a"));
        for (int i = 2; i <= 4; i++) {
            event(Offset.MESSAGES, "conv-a", "ID:m" + i); // the room keeps 2: m2 is dropped
        }
        assertTrue(recovery.plan("p", offsetAfter(null, "ID:m1"), "alice", System.currentTimeMillis()).isEmpty());

        wentAway("q", "bob", Set.of("conv-b"));
        assertTrue(recovery.plan("q", offsetAfter(null, "ID:never-seen"), "bob", System.currentTimeMillis()).isEmpty());
        wentAway("r", "carol", Set.of("conv-c"));
        assertTrue(recovery.plan("r", "x", "carol", System.currentTimeMillis()).isEmpty(), "the cursor had overflowed");
    }

    @Test
    void aServerOrUserDisconnectIsNotKept() {
        recovery.disconnecting(recovery.admitted("p1", "alice"), "server namespace disconnect", System.currentTimeMillis());
        recovery.disconnecting(recovery.admitted("p2", "alice"), "client namespace disconnect", System.currentTimeMillis());
        assertEquals(java.util.Map.of(), recovery.allSessions());
        assertTrue(recovery.plan("p1", null, "alice", System.currentTimeMillis()).isEmpty());
        assertTrue(recovery.plan("p2", null, "alice", System.currentTimeMillis()).isEmpty());
    }

    /**
     * A drain's poller that never polls again is finished by the shutdown's own close (or just
     * forgotten): the session was kept when the node sent it away, and the cluster heard it gone,
     * not ended — else the client lands on another node unknown (DrainClusterIT, 1 run in 4).
     */
    @Test
    void aSessionSentAwayStaysKeptWhateverEndsItsTransportLater() {
        LiveSession session = recovery.admitted("p1", "alice");
        recovery.room(session, "user-alice", true);
        recovery.drainSessions();
        recovery.sendingAway(session, System.currentTimeMillis());
        recovery.disconnecting(session, "server namespace disconnect", System.currentTimeMillis());
        recovery.forget(session);
        assertEquals(java.util.Map.of("p1", new SessionState("alice", Set.of("user-alice"), true, "1....")), recovery.drainSessions());
        assertTrue(recovery.plan("p1", null, "alice", System.currentTimeMillis()).isPresent());
    }

    /** A client sent away comes back here before its old transport closed: the old connection's end must not end the new one. */
    @Test
    void aSessionEndsOnlyForTheConnectionThatHoldsIt() {
        LiveSession old = recovery.admitted("p1", "alice");
        recovery.sendingAway(old, System.currentTimeMillis());
        Restore back = recovery.plan("p1", null, "alice", System.currentTimeMillis()).orElseThrow();
        LiveSession now = recovery.admitted(back.session().pid(), "alice");
        recovery.disconnecting(old, "transport close", System.currentTimeMillis());
        recovery.forget(old);
        assertEquals(java.util.Map.of("p1", new SessionState("alice", Set.of(), false, "1....")), recovery.allSessions());
        recovery.room(old, "user-alice", true);
        recovery.room(now, "user-bob", true);
        assertEquals(Set.of("user-bob"), recovery.allSessions().get("p1").rooms(), "only the live session's rooms");
    }

    @Test
    void whatTheClusterHearsOfSessionsAndWhatComesBackFromElsewhere() {
        LiveSession session = recovery.admitted("p1", "alice");
        recovery.room(session, "user-alice", true);
        assertEquals(java.util.Map.of("p1", new SessionState("alice", Set.of("user-alice"), false, "1....")), recovery.drainSessions());
        assertEquals(java.util.Map.of(), recovery.drainSessions(), "only what changed");
        recovery.disconnecting(session, "ping timeout", System.currentTimeMillis());
        assertEquals(new SessionState("alice", Set.of("user-alice"), true, "1...."), recovery.drainSessions().get("p1"));
        recovery.claimedElsewhere(Set.of("p1"));
        assertEquals(java.util.Map.of(), recovery.allSessions(), "connected on another node now");

        recovery.adopt(List.of(new Session("p9", "bob", Set.of("conv-b"), System.currentTimeMillis(), null)));
        assertEquals(Set.of("p9"), recovery.allSessions().keySet(), "a dead node's session can come back here");
        recovery.sessionsElsewhere(pid -> java.util.Optional.of(new Session(pid, "carol", Set.of(), System.currentTimeMillis(), null)));
        event(Offset.MESSAGES, "conv-c", "ID:c1");
        event(Offset.NOTIFICATIONS, "user-carol", "ID:n1");
        assertTrue(recovery.plan("px", offsetAfter("ID:n1", "ID:c1"), "carol", System.currentTimeMillis()).isPresent());
        assertTrue(recovery.plan("px", offsetAfter("ID:n1", "ID:c1"), "mallory", System.currentTimeMillis()).isEmpty());
        assertTrue(recovery.plan("px", offsetAfter(null, "ID:c1"), "carol", System.currentTimeMillis()).isEmpty(),
                "no event yet on the node it came from says nothing of this node's log");
    }

    @Test
    void aSessionOfAnotherNodeWaitsUntilThisNodeHasConsumedWhatItsOffsetNames() {
        Session elsewhere = new Session("far", "alice", Set.of("conv-a"), System.currentTimeMillis(), "1....");
        recovery.sessionsElsewhere(pid -> "far".equals(pid) ? java.util.Optional.of(elsewhere) : java.util.Optional.empty());
        long now = System.currentTimeMillis();
        assertEquals(false, recovery.caughtUp("far", offsetAfter(null, "ID:ahead"), "alice", now), "not consumed here yet");
        event(Offset.MESSAGES, "conv-a", "ID:ahead");
        assertTrue(recovery.caughtUp("far", offsetAfter(null, "ID:ahead"), "alice", now), "consumed now");
        assertTrue(recovery.caughtUp("far", offsetAfter(null, "ID:other"), "bob", now), "another user's: nothing to wait for");
        assertTrue(recovery.caughtUp("unknown", offsetAfter(null, "ID:other"), "alice", now), "an unknown pid: nothing to wait for");
        assertTrue(recovery.caughtUp("far", "garbage", "alice", now), "a bad offset: nothing to wait for");
    }

    /**
     * The client had an event beyond the watermark that this node has not consumed yet: restored
     * now, that event would reach it live a second time. It waits, and is refused if it must.
     */
    @Test
    void aSessionOfAnotherNodeAlsoWaitsForTheEventsItHadBeyondTheWatermark() {
        event(Offset.NOTIFICATIONS, "user-alice", "ID:n1");
        event(Offset.MESSAGES, "conv-a", "ID:m1");
        Session elsewhere = new Session("far", "alice", Set.of("user-alice"), System.currentTimeMillis(), "1....");
        recovery.sessionsElsewhere(pid -> "far".equals(pid) ? java.util.Optional.of(elsewhere) : java.util.Optional.empty());
        String offset = Offset.format(new String[] {EventIds.text(EventIds.of("ID:n1")), EventIds.text(EventIds.of("ID:m1"))},
                List.of(List.of(EventIds.text(EventIds.of("ID:n3"))), List.of()));
        long now = System.currentTimeMillis();
        assertEquals(false, recovery.caughtUp("far", offset, "alice", now), "n3 not consumed here yet");
        assertTrue(recovery.plan("far", offset, "alice", now).isEmpty(), "and not restored without it");
        event(Offset.NOTIFICATIONS, "user-alice", "ID:n2");
        long n3 = event(Offset.NOTIFICATIONS, "user-alice", "ID:n3");
        assertTrue(recovery.caughtUp("far", offset, "alice", now), "consumed now");
        Restore restore = recovery.plan("far", offset, "alice", now).orElseThrow();
        assertEquals(List.of(n3 - 1), recovery.buffers().since("user-alice", restore.after()[Offset.NOTIFICATIONS],
                restore.exclude().get(Offset.NOTIFICATIONS)).orElseThrow().stream().map(BufferedEvent::seq).toList(),
                "n2 replayed, n3 not again");
    }

    /**
     * A session moves from connected to kept while the presence tick drains what changed: the
     * cluster must never hear it ended in between, or no other node can restore it (a node
     * announces each change once). Each session goes away while another thread drains.
     */
    @Test
    void aSessionGoingAwayIsNeverAnnouncedEndedOnTheWay() throws Exception {
        int count = 20_000;
        java.util.concurrent.atomic.AtomicBoolean going = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.Map<String, SessionState> heard = new java.util.HashMap<>();
        Thread tick = new Thread(() -> {
            while (going.get()) {
                heard.putAll(recovery.drainSessions());
            }
            heard.putAll(recovery.drainSessions());
        });
        tick.start();
        for (int i = 0; i < count; i++) {
            LiveSession session = recovery.admitted("p" + i, "alice");
            if (i % 2 == 0) {
                recovery.sendingAway(session, System.currentTimeMillis());
            } else {
                recovery.disconnecting(session, "transport close", System.currentTimeMillis());
            }
        }
        going.set(false);
        tick.join(30_000);
        List<String> ended = heard.entrySet().stream().filter(e -> e.getValue() == null).map(java.util.Map.Entry::getKey).toList();
        assertEquals(List.of(), ended, "sessions the cluster last heard as ended");
        assertEquals(count, heard.size());
    }
}
