package com.portfolio.bridge.commands;

import com.portfolio.bridge.presence.PresenceService;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import com.portfolio.bridge.vocabulary.RoomNames;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/** Applies one command to this node's sockets, and to the sessions it knows (every node applies every command). */
@ApplicationScoped
public class CommandApplier {

    private static final Logger LOG = Logger.getLogger(CommandApplier.class.getName());

    @EJB
    private PortfolioNamespace namespace;

    @EJB
    private PresenceService presence;

    public void apply(Command command) {
        if (command instanceof Command.Join join) {
            int sockets = namespace.joinUser(join.userId(), join.conversationId());
            presence.command(join.userId(), RoomNames.conversation(join.conversationId()), true);
            LOG.fine(() -> "join command: " + sockets + " sockets of " + join.userId() + " in " + join.conversationId());
        } else if (command instanceof Command.Leave leave) {
            int sockets = namespace.leaveUser(leave.userId(), leave.conversationId());
            presence.command(leave.userId(), RoomNames.conversation(leave.conversationId()), false);
            LOG.fine(() -> "leave command: " + sockets + " sockets of " + leave.userId() + " left " + leave.conversationId());
        } else if (command instanceof Command.Disconnect disconnect) {
            int sockets = namespace.disconnectUser(disconnect.userId(), disconnect.revokeIssuedBefore());
            presence.command(disconnect.userId(), null, false);
            LOG.info(() -> "disconnect command for user " + disconnect.userId() + ": " + sockets + " sockets ended"
                    + disconnect.reason().map(r -> " (" + r + ")").orElse("")
                    + disconnect.revokeIssuedBefore().map(t -> "; tokens issued before " + t + " refused").orElse(""));
        }
    }
}
