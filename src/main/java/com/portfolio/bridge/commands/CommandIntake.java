package com.portfolio.bridge.commands;

import com.portfolio.bridge.bus.Inbox;
import com.portfolio.bridge.bus.KeyedLanes;
import com.portfolio.bridge.bus.PoisonEventException;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the command consumer does with a command: decode it and apply it on its user's lane, in
 * order with that user's notifications. The {@link Inbox} dead-letters poison.
 */
@ApplicationScoped
public class CommandIntake {

    @Inject
    private Inbox inbox;

    @Inject
    private KeyedLanes lanes;

    @Inject
    private CommandApplier commands;

    public void accept(Message message) {
        inbox.receive(message, EventKind.COMMAND, probe -> { }, this::apply);
    }

    private void apply(Message message, String body) throws JMSException, PoisonEventException {
        // "now" is when the command was published, the same on every node however late one
        // applies it, in whole seconds as iat is (a token issued in that second stays valid).
        long sent = message.getJMSTimestamp();
        Command command = CommandDecoder.decode(body,
                () -> (sent > 0 ? Instant.ofEpochMilli(sent) : Instant.now()).truncatedTo(ChronoUnit.SECONDS));
        lanes.run(EventKind.COMMAND, command.userId(), () -> commands.apply(command));
    }
}
