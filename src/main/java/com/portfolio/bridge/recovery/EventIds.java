package com.portfolio.bridge.recovery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Ids for offsets: the first 64 bits of SHA-256 of the bus's message id, written in base64url
 * (11 characters). Every node sees the same message id for one message, so every node computes
 * the same id; 64 bits keep collisions out of reach of what a window holds.
 */
public final class EventIds {

    public static final int LENGTH = 11;

    private EventIds() {
    }

    public static long of(String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    public static String text(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(8).putLong(id).array());
    }

    /** @throws IllegalArgumentException if it is not one */
    public static long parse(String text) {
        if (text.length() != LENGTH) {
            throw new IllegalArgumentException("an event id has " + LENGTH + " characters");
        }
        return ByteBuffer.wrap(Base64.getUrlDecoder().decode(text)).getLong();
    }
}
