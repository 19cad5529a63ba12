package com.portfolio.bridge.config;

import org.eclipse.microprofile.config.Config;

/** The range checks every settings reader shares: the start stops with the key's name. */
final class Checks {

    private Checks() {
    }

    static long positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalStateException(key + " must be a positive number; got " + value);
        }
        return value;
    }

    static int positive(String key, int value) {
        return (int) positive(key, (long) value);
    }

    /** The key read as a long (the fallback when unset), which must be positive. */
    static long positive(Config config, String key, long fallback) {
        return positive(key, config.getOptionalValue(key, Long.class).orElse(fallback));
    }

    /** The key read as an int (the fallback when unset), which must be positive. */
    static int positive(Config config, String key, int fallback) {
        return positive(key, config.getOptionalValue(key, Integer.class).orElse(fallback));
    }

    /** @param zeroMeans what 0 stands for, for the message ("off", "derived") */
    static int zeroOrPositive(String key, int value, String zeroMeans) {
        if (value < 0) {
            throw new IllegalStateException(key + " must be 0 (" + zeroMeans + ") or positive");
        }
        return value;
    }
}
