package com.portfolio.bridge.bus;

import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Topic;

/** The bus's three topics, by what they carry. */
@ApplicationScoped
public class Topics {

    @Resource(lookup = "jms/portfolio/Notifications")
    private Topic notifications;

    @Resource(lookup = "jms/portfolio/Messages")
    private Topic messages;

    @Resource(lookup = "jms/portfolio/Commands")
    private Topic commands;

    public Topic of(EventKind kind) {
        return switch (kind) {
            case NOTIFICATION -> notifications;
            case MESSAGE -> messages;
            case COMMAND -> commands;
        };
    }
}
