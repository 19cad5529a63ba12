package com.portfolio.bridge.bus;

import com.portfolio.bridge.vocabulary.ConversationIds;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;

/**
 * Checks an event body and finds its routing key. The body must be a strict JSON object
 * (RFC 8259); it is passed on as the producer wrote it, never re-serialized. The key comes
 * from the JMS string property if set, else from the document's field of the same name.
 */
public final class EventDecoder {

    static final int MAX_USER_ID_LENGTH = 256;
    // Json.createParser looks the provider up (a ServiceLoader scan) on every call: it was most
    // of the consumer's time per event in the benchmark's profile. One factory serves all.
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private EventDecoder() {
    }

    public static DomainEvent decode(EventKind kind, String body, String keyProperty) throws PoisonEventException {
        JsonObject document = parseObject(body);
        String key = keyProperty != null ? keyProperty : keyField(document, kind.routingKey());
        if (key == null) {
            throw new PoisonEventException("no " + kind.routingKey() + ": set the JMS string property "
                    + kind.routingKey() + " or the document field of that name");
        }
        return new DomainEvent(kind, validKey(kind, key), body.strip());
    }

    /** The body as one strict JSON object, or the reason it is not one. */
    public static JsonObject parseObject(String body) throws PoisonEventException {
        if (body == null || body.isBlank()) {
            throw new PoisonEventException("empty body: expected a JSON object");
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(body))) {
            parser.next();
            JsonValue value = parser.getValue();
            // JsonReader would ignore what follows the first value; a second document is not ours to drop.
            if (parser.hasNext()) {
                throw new PoisonEventException("body is not valid JSON: unexpected content after the document");
            }
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new PoisonEventException("body is JSON " + value.getValueType().name().toLowerCase()
                        + ", expected a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new PoisonEventException("body is not valid JSON: " + e.getMessage());
        }
    }

    /** A routing key field: a string or an integer; null when absent. */
    public static String keyField(JsonObject document, String field) throws PoisonEventException {
        JsonValue value = document.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            return n.bigIntegerValue().toString();
        }
        throw new PoisonEventException(field + " must be a string or an integer, got " + value.getValueType());
    }

    /** The key checked as the kind's routing key: a user id or a conversation id. */
    public static String validKey(EventKind kind, String key) throws PoisonEventException {
        try {
            return switch (kind) {
                case MESSAGE -> ConversationIds.validate(key);
                case NOTIFICATION, COMMAND -> validUserId(key);
            };
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(kind.routingKey() + " is invalid: " + e.getMessage());
        }
    }

    /** @throws IllegalArgumentException saying what is wrong with the user id */
    public static String validUserId(String userId) {
        if (userId.isBlank()) {
            throw new IllegalArgumentException("user id must not be blank");
        }
        if (userId.length() > MAX_USER_ID_LENGTH) {
            throw new IllegalArgumentException("user id must be at most " + MAX_USER_ID_LENGTH + " characters");
        }
        if (userId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("user id must not contain control characters");
        }
        return userId;
    }
}
