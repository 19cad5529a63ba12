package com.portfolio.bridge.config;

import java.util.Locale;

/** dev relaxes key handling for a laptop; everything else is strict. */
public enum RunMode {
    DEV, TEST, PROD;

    public static RunMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("portfolio.mode must be one of dev, test, prod; got '" + value + "'");
        }
    }

    public boolean isDev() {
        return this == DEV;
    }
}
