package com.portfolio.bridge.api;

import com.portfolio.bridge.bus.StrictUtf8;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;

/** Request bodies, read within {@code portfolio.bus.max-event-bytes} (413 past it) and strict UTF-8 (400). */
final class Bodies {

    private Bodies() {
    }

    static String read(InputStream in, int maxBytes) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        if (bytes.length > maxBytes) {
            throw new WebApplicationException(Problem.of(413, "Content Too Large",
                    "the body is over portfolio.bus.max-event-bytes (" + maxBytes + " bytes)", "body"));
        }
        try {
            return StrictUtf8.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new WebApplicationException(Problem.badRequest("body", "the body is not UTF-8"));
        }
    }

    /** The field a decoder's reason is about: the word it starts with, or the body's. */
    static String field(String reason, String... fields) {
        return Arrays.stream(fields).filter(field -> reason.startsWith(field + " ") || reason.startsWith("no " + field))
                .findFirst().orElse("body");
    }
}
