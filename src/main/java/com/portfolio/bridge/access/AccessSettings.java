package com.portfolio.bridge.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/** Who may join which conversation ({@code portfolio.access.*}), read once at start. */
@ApplicationScoped
public class AccessSettings {

    private ConversationAccess conversations;

    @PostConstruct
    void load() {
        conversations = AccessReader.read(ConfigProvider.getConfig());
    }

    public ConversationAccess conversations() {
        return conversations;
    }
}
