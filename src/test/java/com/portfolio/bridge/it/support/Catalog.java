package com.portfolio.bridge.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assertions;

/**
 * A named list of bad inputs. Each is tried, then a bystander must still get an answer; every
 * failure is reported by name at the end, so one broken case does not hide the others.
 */
public final class Catalog {

    private static final Logger LOG = Logger.getLogger(Catalog.class.getName());

    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private final String category;
    private final List<String> names = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();

    public Catalog(String category) {
        this.category = category;
    }

    public Catalog add(String name, Check check) {
        names.add(name);
        checks.add(check);
        return this;
    }

    public int size() {
        return names.size();
    }

    /** Runs every case; after each, {@code bystander} must still work. */
    public void run(Check bystander) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            try {
                checks.get(i).run();
                bystander.run();
            } catch (Exception | AssertionError e) {
                failures.add(names.get(i) + ": " + e);
            }
        }
        LOG.info(() -> category + ": " + (names.size() - failures.size()) + " of " + names.size() + " bad inputs handled");
        Assertions.assertTrue(failures.isEmpty(), category + " failures:\n" + String.join("\n", failures));
    }
}
