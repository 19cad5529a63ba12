package com.portfolio.bridge.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.vocabulary.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventDecoderTest {

    @Test
    void routesByThePropertyFirst() throws Exception {
        DomainEvent event = EventDecoder.decode(EventKind.NOTIFICATION, "{\"userId\":\"doc-user\"}", "prop-user");
        assertEquals("prop-user", event.routingKey());
    }

    @Test
    void routesByTheDocumentFieldWithoutAProperty() throws Exception {
        assertEquals("u7", EventDecoder.decode(EventKind.NOTIFICATION, "{\"userId\":\"u7\"}", null).routingKey());
        assertEquals("c9", EventDecoder.decode(EventKind.MESSAGE, "{\"conversationId\":\"c9\"}", null).routingKey());
    }

    @Test
    void numericKeysBecomeTheirDecimalString() throws Exception {
        assertEquals("42", EventDecoder.decode(EventKind.MESSAGE, "{\"conversationId\":42}", null).routingKey());
        assertEquals("12345678901234567890",
                EventDecoder.decode(EventKind.NOTIFICATION, "{\"userId\":12345678901234567890}", null).routingKey());
    }

    @Test
    void keepsTheDocumentByteForByte() throws Exception {
        String body = "{\"b\":1.50,\"a\":{\"_id\":\"x\"},\"userId\":\"u\",\"big\":12345678901234567890123}";
        assertEquals(body, EventDecoder.decode(EventKind.NOTIFICATION, body, null).documentJson());
        assertEquals(body, EventDecoder.decode(EventKind.NOTIFICATION, "\n " + body + " \n", null).documentJson());
    }

    @Test
    void theKindIsKept() throws Exception {
        assertEquals(EventKind.MESSAGE, EventDecoder.decode(EventKind.MESSAGE, "{}", "c1").kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"a\":", "{'userId':'u'}", "{userId:\"u\"}", "{\"a\":1}{\"b\":2}",
            "{\"a\":1} trailing", "{\"a\":01}"})
    void refusesInvalidJson(String body) {
        PoisonEventException e = assertThrows(PoisonEventException.class,
                () -> EventDecoder.decode(EventKind.NOTIFICATION, body, "u"));
        assertTrue(e.reason().startsWith("body is not valid JSON"), e.reason());
    }

    @Test
    void refusesJsonThatIsNotAnObject() {
        assertEquals("body is JSON array, expected a JSON object", reason(EventKind.MESSAGE, "[1,2]", "c"));
        assertEquals("body is JSON string, expected a JSON object", reason(EventKind.MESSAGE, "\"s\"", "c"));
        assertEquals("body is JSON number, expected a JSON object", reason(EventKind.MESSAGE, "3", "c"));
        assertEquals("empty body: expected a JSON object", reason(EventKind.MESSAGE, "  ", "c"));
        assertEquals("empty body: expected a JSON object", reason(EventKind.MESSAGE, null, "c"));
    }

    @Test
    void refusesAMissingKey() {
        assertTrue(reason(EventKind.MESSAGE, "{\"text\":\"hi\"}", null).startsWith("no conversationId"));
        assertTrue(reason(EventKind.NOTIFICATION, "{\"userId\":null}", null).startsWith("no userId"));
    }

    @Test
    void refusesKeysOfTheWrongType() {
        assertEquals("userId must be a string or an integer, got OBJECT",
                reason(EventKind.NOTIFICATION, "{\"userId\":{}}", null));
        assertEquals("conversationId must be a string or an integer, got NUMBER",
                reason(EventKind.MESSAGE, "{\"conversationId\":1.5}", null));
    }

    @Test
    void refusesInvalidKeys() {
        assertTrue(reason(EventKind.MESSAGE, "{}", "a b").startsWith("conversationId is invalid"));
        assertTrue(reason(EventKind.MESSAGE, "{}", "x".repeat(129)).startsWith("conversationId is invalid"));
        assertTrue(reason(EventKind.NOTIFICATION, "{}", " ").startsWith("userId is invalid"));
        assertTrue(reason(EventKind.NOTIFICATION, "{}", "a\u0000b").startsWith("userId is invalid"));
        assertTrue(reason(EventKind.NOTIFICATION, "{}", "u".repeat(257)).startsWith("userId is invalid"));
    }

    private static String reason(EventKind kind, String body, String property) {
        return assertThrows(PoisonEventException.class, () -> EventDecoder.decode(kind, body, property)).reason();
    }
}
