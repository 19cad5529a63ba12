package com.portfolio.bridge.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionsTest {

    @Test
    void aSessionComesBackOnceForItsUserWithinTheWindow() {
        Sessions sessions = new Sessions(1_000);
        sessions.keep(new Session("p1", "alice", Set.of("r"), 0, null));
        assertTrue(sessions.take("p1", "mallory", 10).isEmpty(), "another user's token");
        assertEquals("alice", sessions.take("p1", "alice", 20).orElseThrow().userId(), "still there for its owner");
        assertTrue(sessions.take("p1", "alice", 30).isEmpty(), "once");

        sessions.keep(new Session("p3", "carol", Set.of("r1"), 0, null));
        sessions.command("carol", "r2", true);
        sessions.command("carol", "r1", false);
        assertEquals(Set.of("r2"), sessions.peek("p3").orElseThrow().rooms());
        sessions.command("carol", null, false);
        assertTrue(sessions.peek("p3").isEmpty(), "a disconnect command ends it");

        sessions.keep(new Session("p2", "bob", Set.of(), 100, null));
        assertTrue(sessions.take("p2", "bob", 1_101).isEmpty(), "past the window");
        assertEquals(java.util.List.of(), sessions.all());
    }
}
