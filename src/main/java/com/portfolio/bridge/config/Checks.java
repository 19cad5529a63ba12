package com.portfolio.bridge.config;

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

    /** @param zeroMeans what 0 stands for, for the message ("off", "derived") */
    static int zeroOrPositive(String key, int value, String zeroMeans) {
        if (value < 0) {
            throw new IllegalStateException(key + " must be 0 (" + zeroMeans + ") or positive");
        }
        return value;
    }
}
