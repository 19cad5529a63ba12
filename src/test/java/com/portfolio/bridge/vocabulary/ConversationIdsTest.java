package com.portfolio.bridge.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConversationIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"c1", "64f1a9e0b2c3d4e5f6a7b8c9", "team:general", "a.b_c-d", "X"})
    void acceptsPrintableIds(String id) {
        assertEquals(id, ConversationIds.validate(id));
    }

    @Test
    void acceptsIntegersAsTheirDecimalString() {
        assertEquals("42", ConversationIds.validate(42));
        assertEquals("9007199254740993", ConversationIds.validate(9007199254740993L));
        assertEquals("123456789012345678901234567890",
                ConversationIds.validate(new BigInteger("123456789012345678901234567890")));
    }

    @Test
    void acceptsExactlyTheMaximumLength() {
        assertEquals(128, ConversationIds.validate("a".repeat(128)).length());
    }

    @Test
    void refusesEmptyWithAClearMessage() {
        assertEquals("conversation id must not be empty",
                assertThrows(IllegalArgumentException.class, () -> ConversationIds.validate("")).getMessage());
    }

    @Test
    void refusesOverlongIds() {
        assertEquals("conversation id must be at most 128 characters",
                assertThrows(IllegalArgumentException.class,
                        () -> ConversationIds.validate("a".repeat(129))).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a/b", "ü", "a\nb", "<script>", "a,b", "#room", " "})
    void refusesCharactersOutsideTheAlphabet(String id) {
        assertEquals("conversation id may only contain letters, digits and _ . : -",
                assertThrows(IllegalArgumentException.class, () -> ConversationIds.validate(id)).getMessage());
    }

    @Test
    void refusesNonScalarsAndNonIntegers() {
        for (Object raw : new Object[] {null, true, 1.5, List.of("a"), Map.of("id", "a"), new org.json.JSONObject()}) {
            assertEquals("conversation id must be a string or an integer",
                    assertThrows(IllegalArgumentException.class, () -> ConversationIds.validate(raw)).getMessage(),
                    String.valueOf(raw));
        }
    }
}
