package com.portfolio.bridge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RevocationsTest {

    private static final Instant T = Instant.parse("2026-12-02T17:00:00Z");

    private static AuthenticatedUser issued(String user, Instant iat) {
        return new AuthenticatedUser(user, T.plusSeconds(3600), iat, java.util.Set.of(), "token");
    }

    @Test
    void tokensIssuedBeforeTheInstantAreRefusedLaterOnesAndOtherUsersAreNot() {
        Revocations revocations = new Revocations(Duration.ofHours(1), Clock.fixed(T, ZoneOffset.UTC));
        revocations.revoke("u1", T);
        assertTrue(revocations.isRevoked(issued("u1", T.minusSeconds(1))));
        assertFalse(revocations.isRevoked(issued("u1", T)), "issued in the revoking second");
        assertFalse(revocations.isRevoked(issued("u2", T.minusSeconds(1))));
        assertTrue(revocations.isRevoked(issued("u1", null)), "no iat cannot prove it is newer");
    }

    @Test
    void aLaterRevocationWidensAnEarlierOneNeverNarrows() {
        Revocations revocations = new Revocations(Duration.ofHours(1), Clock.fixed(T, ZoneOffset.UTC));
        revocations.revoke("u1", T);
        revocations.revoke("u1", T.minusSeconds(600));
        assertTrue(revocations.isRevoked(issued("u1", T.minusSeconds(60))));
    }

    @Test
    void anEntryIsDroppedOnceItsRetentionIsOver() {
        Revocations revocations = new Revocations(Duration.ofHours(1), Clock.fixed(T.plus(Duration.ofMinutes(61)), ZoneOffset.UTC));
        revocations.revoke("u1", T);
        assertEquals(0, revocations.size(), "expired at once");
        assertFalse(revocations.isRevoked(issued("u1", T.minusSeconds(1))));
    }
}
