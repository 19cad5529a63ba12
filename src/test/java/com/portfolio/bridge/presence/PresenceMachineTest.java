package com.portfolio.bridge.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.portfolio.bridge.presence.PresenceMachine.Transition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PresenceMachineTest {

    private final PresenceMachine machine = new PresenceMachine(5_000);

    @Test
    void theFirstSocketMakesTheUserOnlineOnce() {
        assertEquals(Optional.of(new Transition("u", true, 10)), machine.update("u", 1, 10));
        assertEquals(Optional.empty(), machine.update("u", 2, 20));
        assertEquals(Optional.empty(), machine.update("u", 1, 30));
        // Still online: its last socket leaving is what takes it offline.
        assertEquals(Optional.empty(), machine.update("u", 0, 40));
        assertEquals(List.of(new Transition("u", false, 40)), machine.expire(5_040));
    }

    @Test
    void theLastSocketLeavingMakesTheUserOfflineAfterTheGraceWithTheTimeItLeft() {
        machine.update("u", 1, 0);
        assertEquals(Optional.empty(), machine.update("u", 0, 1_000));
        assertEquals(List.of(), machine.expire(5_999), "still online during the grace");
        assertEquals(List.of(new Transition("u", false, 1_000)), machine.expire(6_000));
        assertEquals(List.of(), machine.expire(60_000), "one offline per transition");
        assertEquals(Optional.of(new Transition("u", true, 61_000)), machine.update("u", 1, 61_000), "offline: a socket makes it online again");
    }

    @Test
    void aReconnectWithinTheGraceMakesNoPair() {
        machine.update("u", 1, 0);
        machine.update("u", 0, 1_000);
        assertEquals(Optional.empty(), machine.update("u", 1, 5_999));
        assertEquals(List.of(), machine.expire(20_000));
        assertEquals(Optional.empty(), machine.update("u", 0, 30_000));
        assertEquals(List.of(new Transition("u", false, 30_000)), machine.expire(35_000));
        assertEquals(Optional.of(new Transition("u", true, 40_000)), machine.update("u", 1, 40_000));
    }

    @Test
    void noGraceMeansOfflineAtOnceAndAZeroForAnUnknownUserIsNothing() {
        PresenceMachine strict = new PresenceMachine(0);
        assertEquals(Optional.empty(), strict.update("ghost", 0, 0));
        strict.update("u", 1, 0);
        assertEquals(Optional.of(new Transition("u", false, 7)), strict.update("u", 0, 7));
    }
}
