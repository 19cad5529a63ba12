package com.portfolio.bridge.vocabulary;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Validates a conversation id as a client or a producer gives it. Ids become room names, so
 * they are kept to a short, printable alphabet.
 */
public final class ConversationIds {

    public static final int MAX_LENGTH = 128;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.:-]+");

    private ConversationIds() {
    }

    /** @return the id as a string; @throws IllegalArgumentException with a client-facing message */
    public static String validate(Object raw) {
        String id = asString(raw);
        if (id.isEmpty()) {
            throw new IllegalArgumentException("conversation id must not be empty");
        }
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("conversation id must be at most " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(id).matches()) {
            throw new IllegalArgumentException("conversation id may only contain letters, digits and _ . : -");
        }
        return id;
    }

    private static String asString(Object raw) {
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger) {
            return raw.toString();
        }
        throw new IllegalArgumentException("conversation id must be a string or an integer");
    }
}
