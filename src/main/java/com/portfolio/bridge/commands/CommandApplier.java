package com.portfolio.bridge.commands;

import com.portfolio.bridge.realtime.PortfolioNamespace;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/** Applies one command to this node's sockets (every node applies every command). */
@ApplicationScoped
public class CommandApplier {

    private static final Logger LOG = Logger.getLogger(CommandApplier.class.getName());

    @EJB
    private PortfolioNamespace namespace;

    public void apply(Command command) {
        if (command instanceof Command.Join join) {
            int sockets = namespace.joinUser(join.userId(), join.conversationId());
            LOG.fine(() -> "join command: " + sockets + " sockets of " + join.userId() + " in " + join.conversationId());
        } else if (command instanceof Command.Leave leave) {
            int sockets = namespace.leaveUser(leave.userId(), leave.conversationId());
            LOG.fine(() -> "leave command: " + sockets + " sockets of " + leave.userId() + " left " + leave.conversationId());
        } else if (command instanceof Command.Disconnect disconnect) {
            int sockets = namespace.disconnectUser(disconnect.userId(), disconnect.revokeIssuedBefore());
            LOG.info(() -> "disconnect command for user " + disconnect.userId() + ": " + sockets + " sockets ended"
                    + disconnect.reason().map(r -> " (" + r + ")").orElse("")
                    + disconnect.revokeIssuedBefore().map(t -> "; tokens issued before " + t + " refused").orElse(""));
        }
    }
}
