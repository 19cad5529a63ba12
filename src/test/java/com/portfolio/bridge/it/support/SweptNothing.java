package com.portfolio.bridge.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After every in-container test class: the server's backstop sweep has found nothing, so every
 * connection the class opened, churned, stalled or cut left through its close event. Registered
 * for all tests (junit-platform.properties); it acts on the Arquillian ones only.
 */
public final class SweptNothing implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        ExtendWith extensions = context.getRequiredTestClass().getAnnotation(ExtendWith.class);
        if (extensions == null || !java.util.List.of(extensions.value()).contains(ArquillianExtension.class)
                || System.getProperty("it.http.port") == null) {
            return;
        }
        assertEquals(0, Math.round(Scrape.of(Ports.http()).value("portfolio_connections_swept_total")),
                "connections the backstop sweep had to finish after " + context.getRequiredTestClass().getSimpleName());
    }
}
