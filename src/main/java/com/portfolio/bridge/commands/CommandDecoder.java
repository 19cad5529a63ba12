package com.portfolio.bridge.commands;

import com.portfolio.bridge.bus.EventDecoder;
import com.portfolio.bridge.bus.PoisonEventException;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a command document: {@code {"op": "join" | "leave" | "disconnect", "userId": ...}} and the
 * op's own fields. Anything else is a poison command, dead-lettered with the reason.
 */
public final class CommandDecoder {

    static final int MAX_REASON_LENGTH = 200;

    private CommandDecoder() {
    }

    /** @param now what {@code "revokeIssuedBefore": "now"} means: the time the command is applied */
    public static Command decode(String body, Supplier<Instant> now) throws PoisonEventException {
        JsonObject document = EventDecoder.parseObject(body);
        String op = string(document, "op", true);
        String userId = EventDecoder.validKey(EventKind.COMMAND, string(document, "userId", true));
        return switch (op) {
            case "join" -> new Command.Join(userId, conversationId(document));
            case "leave" -> new Command.Leave(userId, conversationId(document));
            case "disconnect" -> new Command.Disconnect(userId, reason(document), revokeIssuedBefore(document, now));
            // The value is not quoted back: reasons are logged, and the body's content stays out of the log.
            default -> throw new PoisonEventException("op must be join, leave or disconnect");
        };
    }

    private static String conversationId(JsonObject document) throws PoisonEventException {
        String raw = EventDecoder.keyField(document, "conversationId");
        if (raw == null) {
            throw new PoisonEventException("conversationId is required");
        }
        return EventDecoder.validKey(EventKind.MESSAGE, raw); // a message's routing key: a conversation id
    }

    private static Optional<String> reason(JsonObject document) throws PoisonEventException {
        String reason = string(document, "reason", false);
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new PoisonEventException("reason must be at most " + MAX_REASON_LENGTH + " characters");
        }
        return Optional.ofNullable(reason);
    }

    private static Optional<Instant> revokeIssuedBefore(JsonObject document, Supplier<Instant> now)
            throws PoisonEventException {
        JsonValue value = document.get("revokeIssuedBefore");
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString s && "now".equals(s.getString())) {
            return Optional.of(now.get());
        }
        if (value instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().bitLength() < 40 && n.longValue() > 0) {
            return Optional.of(Instant.ofEpochSecond(n.longValue())); // under 2^40 s: any real date
        }
        throw new PoisonEventException("revokeIssuedBefore must be epoch seconds or \"now\", got a " + value.getValueType().name().toLowerCase());
    }

    private static String string(JsonObject document, String field, boolean required) throws PoisonEventException {
        JsonValue value = document.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw new PoisonEventException(field + " is required");
            }
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new PoisonEventException(field + " must be a string, got " + value.getValueType().name().toLowerCase());
    }
}
