package com.portfolio.bridge.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Who may join which conversation ({@code portfolio.access.*}: "open", or ask the platform's "api"), read once at start. */
@ApplicationScoped
public class AccessSettings {

    private ConversationAccess conversations;

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig();
        String mode = config.getOptionalValue("portfolio.access.mode", String.class).orElse("open").trim();
        conversations = switch (mode) {
            case "open" -> ConversationAccess.OPEN;
            case "api" -> new ApiAccess(config.getOptionalValue("portfolio.access.api-url", String.class)
                    .orElseThrow(() -> new IllegalStateException(
                            "portfolio.access.mode=api needs portfolio.access.api-url (with {conversationId})")),
                    Duration.ofMillis(config.getOptionalValue("portfolio.access.timeout-ms", Long.class).orElse(2000L)),
                    Duration.ofSeconds(config.getOptionalValue("portfolio.access.cache-seconds", Long.class).orElse(30L)));
            default -> throw new IllegalStateException("portfolio.access.mode must be open or api; got '" + mode + "'");
        };
    }

    public ConversationAccess conversations() {
        return conversations;
    }
}
