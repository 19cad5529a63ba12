package com.portfolio.bridge.recovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a client's last offset says it has, per stream (notifications, messages): every event of
 * its own up to the watermark event, plus the listed ones after it. Ids are {@link EventIds},
 * the same on every node. Text: {@code 1.<wN>.<wM>.<xN>.<xM>}, extras joined by {@code ~}, an
 * empty watermark meaning none yet; {@code x} says the server could not keep the position.
 */
public record Offset(String[] watermarks, List<List<String>> extras) {

    public static final int STREAMS = 2;
    public static final int NOTIFICATIONS = 0;
    public static final int MESSAGES = 1;
    public static final String UNKNOWN = "x";
    private static final int MAX_LENGTH = 2 + STREAMS * (EventIds.LENGTH + 1) + STREAMS * Cursor.MAX_EXTRAS * (EventIds.LENGTH + 1) + 4;

    static String format(String[] watermarks, List<List<String>> extras) {
        StringBuilder text = new StringBuilder("1");
        for (String w : watermarks) {
            text.append('.').append(w == null ? "" : w);
        }
        for (List<String> ids : extras) {
            text.append('.').append(String.join("~", ids));
        }
        return text.toString();
    }

    /** @return empty for {@code x}, a foreign or broken offset: the client then connects afresh */
    public static Optional<Offset> parse(Object raw) {
        if (!(raw instanceof String text) || text.length() > MAX_LENGTH || !text.startsWith("1.")) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 1 + 2 * STREAMS) {
            return Optional.empty();
        }
        String[] watermarks = new String[STREAMS];
        List<List<String>> extras = new ArrayList<>();
        for (int s = 0; s < STREAMS; s++) {
            String w = parts[1 + s];
            if (!w.isEmpty() && !valid(w)) {
                return Optional.empty();
            }
            watermarks[s] = w.isEmpty() ? null : w;
            String x = parts[1 + STREAMS + s];
            List<String> ids = x.isEmpty() ? List.of() : Arrays.asList(x.split("~", -1));
            if (ids.size() > Cursor.MAX_EXTRAS || !ids.stream().allMatch(Offset::valid)) {
                return Optional.empty();
            }
            extras.add(List.copyOf(ids));
        }
        return Optional.of(new Offset(watermarks, List.copyOf(extras)));
    }

    private static boolean valid(String id) {
        return id.length() == EventIds.LENGTH && id.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Offset o && Arrays.equals(watermarks, o.watermarks) && extras.equals(o.extras);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(watermarks) + extras.hashCode();
    }

    @Override
    public String toString() {
        return format(watermarks, extras);
    }
}
