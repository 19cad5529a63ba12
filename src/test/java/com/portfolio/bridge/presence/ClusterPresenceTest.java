package com.portfolio.bridge.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.presence.PresenceMachine.Transition;
import com.portfolio.bridge.presence.SimulatedCluster.Node;
import com.portfolio.bridge.recovery.Session;
import com.portfolio.bridge.recovery.SessionState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The presence protocol between nodes, with simulated time and a simulated topic. */
class ClusterPresenceTest {

    private final SimulatedCluster cluster = new SimulatedCluster();
    private final Node a = cluster.start("node-a");
    private final Node b = cluster.start("node-b");

    private void warm() {
        cluster.advance(3_000);
    }

    private static List<Boolean> kinds(List<Transition> transitions) {
        return transitions.stream().map(Transition::online).toList();
    }

    @Test
    void aUserOnOneNodeIsSeenOnTheOtherAndGoesOnlineOnceClusterWide() {
        warm();
        a.rooms.sockets("alice", 2);
        a.rooms.join("c1", "alice", 1);
        cluster.advance(200);

        assertEquals(new UserPresence("alice", 2, List.of("node-a")), b.presence.user("alice"));
        assertEquals(new RoomPresenceView("c1", 1, List.of("alice")), b.presence.conversation("c1"));
        assertEquals(List.of(true), kinds(cluster.publishedFor("alice")));
    }

    @Test
    void usersAndRoomsAddUpOverNodes() {
        warm();
        a.rooms.sockets("alice", 1);
        b.rooms.sockets("alice", 2);
        b.rooms.sockets("bob", 1);
        a.rooms.join("c1", "alice", 1);
        b.rooms.join("c1", "alice", 2);
        b.rooms.join("c1", "bob", 1);
        cluster.advance(200);
        for (Node node : List.of(a, b)) {
            assertEquals(new UserPresence("alice", 3, List.of("node-a", "node-b")), node.presence.user("alice"));
            assertEquals(new RoomPresenceView("c1", 4, List.of("alice", "bob")), node.presence.conversation("c1"));
        }
        assertEquals(1, cluster.publishedFor("alice").size());
    }

    @Test
    void theLastSocketLeavingMakesOneOfflineAfterTheGraceAndABriefReconnectNone() {
        warm();
        a.rooms.sockets("alice", 1);
        cluster.advance(200);
        a.rooms.sockets("alice", 0);
        cluster.advance(2_000);
        b.rooms.sockets("alice", 1);
        cluster.advance(10_000);
        assertEquals(List.of(true), kinds(cluster.publishedFor("alice")), "a reconnect within the grace: no pair");

        b.rooms.sockets("alice", 0);
        cluster.advance(4_800);
        assertEquals(1, cluster.publishedFor("alice").size(), "not before the grace is over");
        cluster.advance(1_000);
        assertEquals(List.of(true, false), kinds(cluster.publishedFor("alice")));
        assertFalse(a.presence.user("alice").online());
    }

    @Test
    void aKilledNodesUsersGoOfflineWithinTheTimeoutAndOnceButNotThoseAlsoElsewhere() {
        warm();
        a.rooms.sockets("only-a", 1);
        a.rooms.sockets("both", 1);
        b.rooms.sockets("both", 1);
        cluster.advance(500);
        cluster.published.clear();

        a.alive = false; // kill -9: no goodbye
        cluster.advance(4_000);
        assertTrue(b.presence.user("only-a").online(), "still inside the node timeout");
        cluster.advance(1_200);
        assertEquals(new UserPresence("only-a", 0, List.of()), b.presence.user("only-a"));
        assertEquals(new UserPresence("both", 1, List.of("node-b")), b.presence.user("both"));
        cluster.advance(6_000);
        assertEquals(List.of(false), kinds(cluster.publishedFor("only-a")));
        assertEquals(List.of(), cluster.publishedFor("both"));
    }

    @Test
    void aStoppedNodeSaysGoodbyeAndIsDroppedAtOnce() {
        warm();
        a.rooms.sockets("alice", 1);
        cluster.advance(200);
        cluster.stop(a);
        cluster.advance(100);
        assertFalse(b.presence.user("alice").online());
    }

    @Test
    void aNodeThatCannotHearItselfDropsNobody() {
        warm();
        a.rooms.sockets("alice", 1);
        cluster.advance(200);
        cluster.published.clear();
        b.onBus = false; // the bus is down for b: it hears nothing, not even its own heartbeats
        cluster.advance(20_000);
        assertTrue(b.presence.user("alice").online());
        b.onBus = true;
        cluster.advance(2_000);
        assertEquals(List.of(), cluster.published, "no offline/online pair for an outage of our own");
    }

    @Test
    void lostDeltasAreRepairedBySnapshot() {
        warm();
        cluster.lose = an -> an.type() == Announcement.Type.DELTA && an.node().equals("node-a");
        a.rooms.sockets("alice", 1);
        a.rooms.join("c1", "alice", 1);
        cluster.advance(200);
        assertFalse(b.presence.user("alice").online(), "the delta was lost");
        cluster.lose = an -> false;
        cluster.advance(1_500); // a's next heartbeat shows the gap; b asks, a answers with a snapshot
        assertEquals(new UserPresence("alice", 1, List.of("node-a")), b.presence.user("alice"));
        assertEquals(List.of("alice"), b.presence.conversation("c1").users());
    }

    @Test
    void aNewNodeLearnsTheClusterAndPublishesNothingTwice() {
        warm();
        a.rooms.sockets("alice", 1);
        b.rooms.sockets("bob", 1);
        cluster.advance(200);
        Node c = cluster.start("node-c");
        c.rooms.sockets("alice", 1);
        cluster.advance(300);
        assertEquals(new UserPresence("alice", 2, List.of("node-a", "node-c")), c.presence.user("alice"));
        assertTrue(c.presence.user("bob").online());
        cluster.advance(5_000);
        assertEquals(1, cluster.publishedFor("alice").size());
        assertEquals(1, cluster.publishedFor("bob").size());
    }

    @Test
    void eachUsersEventsComeFromOneNodeAndTheWorkIsShared() {
        warm();
        for (int i = 0; i < 200; i++) {
            (i % 2 == 0 ? a : b).rooms.sockets("user-" + i, 1);
        }
        cluster.advance(200);
        assertEquals(200, cluster.published.size());
        for (int i = 0; i < 200; i++) {
            assertEquals(1, cluster.publishedFor("user-" + i).size());
        }
    }

    @Test
    void sessionsAreKnownOnTheOtherNodesAndAKilledNodesAreAdoptedThere() {
        warm();
        a.rooms.session("pid-1", new SessionState("alice", Set.of("portfolio-user-alice", "portfolio-conversation-c1"), false));
        a.rooms.session("pid-2", new SessionState("bob", Set.of("portfolio-user-bob"), true));
        cluster.advance(200);
        Session live = b.presence.sessionElsewhere("pid-1", cluster.now).orElseThrow();
        assertEquals("alice", live.userId());
        assertEquals(Set.of("portfolio-user-alice", "portfolio-conversation-c1"), live.rooms());
        assertTrue(b.presence.sessionElsewhere("pid-2", cluster.now).isPresent());
        assertEquals(Set.of(), a.rooms.claimed);

        b.rooms.session("pid-2", new SessionState("bob", Set.of("portfolio-user-bob"), false)); // bob came back on b
        cluster.advance(200);
        assertEquals(Set.of("pid-2"), a.rooms.claimed, "a hears bob's session is connected on b now");

        a.alive = false;
        cluster.advance(6_000);
        assertEquals(List.of("pid-1", "pid-2"), b.rooms.adopted.stream().map(Session::pid).sorted().toList());
    }

    @Test
    void commandsReachTheSessionsOtherNodesAnnounced() {
        warm();
        a.rooms.session("pid-1", new SessionState("alice", Set.of("portfolio-user-alice"), false));
        cluster.advance(200);
        b.presence.command("alice", "portfolio-conversation-c2", true);
        assertEquals(Set.of("portfolio-user-alice", "portfolio-conversation-c2"),
                b.presence.sessionElsewhere("pid-1", cluster.now).orElseThrow().rooms());
        b.presence.command("alice", null, false);
        assertTrue(b.presence.sessionElsewhere("pid-1", cluster.now).isEmpty(), "a disconnect ends them");
    }

    @Test
    void announcementsSurviveTheirJsonForm() {
        Announcement delta = new Announcement(Announcement.Type.DELTA, "n", "r", 7, true, null,
                java.util.Map.of("u", 0, "v", 2), java.util.Map.of("c", java.util.Map.of("u", 1)), java.util.Map.of());
        assertEquals(delta, Announcement.parse(delta.toJson()));
        java.util.Map<String, SessionState> sessions = new java.util.HashMap<>();
        sessions.put("p1", new SessionState("u", Set.of("r1", "r2"), true));
        sessions.put("p2", null);
        Announcement withSessions = new Announcement(Announcement.Type.SNAPSHOT, "n", "r", 1, false, null,
                java.util.Map.of(), java.util.Map.of(), sessions);
        assertEquals(withSessions, Announcement.parse(withSessions.toJson()));
        for (String bad : List.of("", "[]", "{\"t\":\"NOPE\",\"node\":\"n\",\"run\":\"r\",\"seq\":1}",
                "{\"t\":\"DELTA\",\"node\":\"n\",\"run\":\"r\",\"seq\":1,\"users\":{\"u\":-1}}")) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Announcement.parse(bad), bad);
        }
    }
}
