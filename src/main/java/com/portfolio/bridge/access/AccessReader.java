package com.portfolio.bridge.access;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** portfolio.access.*: who may join which conversation ("open", or ask the platform's "api"). */
final class AccessReader {

    private AccessReader() {
    }

    static ConversationAccess read(Config config) {
        String mode = config.getOptionalValue("portfolio.access.mode", String.class).orElse("open").trim();
        switch (mode) {
            case "open":
                return ConversationAccess.OPEN;
            case "api":
                String url = config.getOptionalValue("portfolio.access.api-url", String.class)
                        .orElseThrow(() -> new IllegalStateException(
                                "portfolio.access.mode=api needs portfolio.access.api-url (with {conversationId})"));
                return new ApiAccess(url,
                        Duration.ofMillis(config.getOptionalValue("portfolio.access.timeout-ms", Long.class).orElse(2000L)),
                        Duration.ofSeconds(config.getOptionalValue("portfolio.access.cache-seconds", Long.class).orElse(30L)));
            default:
                throw new IllegalStateException("portfolio.access.mode must be open or api; got '" + mode + "'");
        }
    }
}
