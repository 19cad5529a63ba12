package com.portfolio.bridge.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.bus.PoisonEventException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-02T17:00:00Z");

    private static Command decode(String body) throws PoisonEventException {
        return CommandDecoder.decode(body, () -> NOW);
    }

    @Test
    void joinAndLeaveNameAUserAndAConversation() throws Exception {
        assertEquals(new Command.Join("u1", "c1"), decode("{\"op\":\"join\",\"userId\":\"u1\",\"conversationId\":\"c1\"}"));
        assertEquals(new Command.Leave("u1", "42"), decode("{\"op\":\"leave\",\"userId\":\"u1\",\"conversationId\":42}"));
    }

    @Test
    void disconnectTakesAnOptionalReasonAndRevocation() throws Exception {
        assertEquals(new Command.Disconnect("u1", Optional.empty(), Optional.empty()),
                decode("{\"op\":\"disconnect\",\"userId\":\"u1\"}"));
        assertEquals(new Command.Disconnect("u1", Optional.of("logout"), Optional.of(Instant.ofEpochSecond(1_700_000_000))),
                decode("{\"op\":\"disconnect\",\"userId\":\"u1\",\"reason\":\"logout\",\"revokeIssuedBefore\":1700000000}"));
        assertEquals(Optional.of(NOW), ((Command.Disconnect) decode(
                "{\"op\":\"disconnect\",\"userId\":\"u1\",\"revokeIssuedBefore\":\"now\"}")).revokeIssuedBefore());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}                                                           | op is required",
        "{\"op\":1,\"userId\":\"u1\"}                                  | op must be a string",
        "{\"op\":\"ban\",\"userId\":\"u1\"}                            | op must be join, leave or disconnect",
        "{\"op\":\"join\",\"conversationId\":\"c1\"}                   | userId is required",
        "{\"op\":\"join\",\"userId\":\" \",\"conversationId\":\"c1\"}  | userId is invalid",
        "{\"op\":\"join\",\"userId\":\"u1\"}                           | conversationId is required",
        "{\"op\":\"join\",\"userId\":\"u1\",\"conversationId\":\"a b\"} | conversationId is invalid",
        "{\"op\":\"disconnect\",\"userId\":\"u1\",\"revokeIssuedBefore\":-5}   | revokeIssuedBefore must be",
        "{\"op\":\"disconnect\",\"userId\":\"u1\",\"revokeIssuedBefore\":1.5}  | revokeIssuedBefore must be",
        "{\"op\":\"disconnect\",\"userId\":\"u1\",\"revokeIssuedBefore\":99999999999999999999} | revokeIssuedBefore must be",
        "{\"op\":\"disconnect\",\"userId\":\"u1\",\"reason\":7}       | reason must be a string",
        "not json                                                     | body is not valid JSON",
    })
    void badCommandsSayWhatIsWrong(String body, String reasonStart) {
        PoisonEventException e = assertThrows(PoisonEventException.class, () -> decode(body));
        assertTrue(e.reason().startsWith(reasonStart), e.reason());
    }

    @Test
    void aReasonIsBounded() {
        String body = "{\"op\":\"disconnect\",\"userId\":\"u1\",\"reason\":\"" + "x".repeat(201) + "\"}";
        assertTrue(assertThrows(PoisonEventException.class, () -> decode(body)).reason().startsWith("reason must be at most"));
    }
}
