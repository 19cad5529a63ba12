package com.portfolio.bridge.bus;

import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * At start, claims this node's id on the bus (a node already running with it answers, and
 * then this one refuses to start); afterwards publishes the probes readiness watches: every
 * {@value #FIRST_PROBES_MS} ms until each consumer has seen one (the consumers start after this
 * bean, and readiness waits for them), then every {@code portfolio.bus.probe-interval-ms}.
 */
@Singleton
@Startup
// Bean-managed: in a container transaction the claim would only be sent after start() returns,
// too late for the answer start() waits for.
@TransactionManagement(TransactionManagementType.BEAN)
public class BusProbe {

    private static final Logger LOG = Logger.getLogger(BusProbe.class.getName());
    // A new node is ready as soon as its consumers see their first probe, not up to an interval later.
    static final long FIRST_PROBES_MS = 250;

    @Resource(lookup = "jms/portfolio/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private Probes probes;

    @Inject
    private NodeIdentity node;

    @Inject
    private BridgeConfig config;

    @Inject
    private BrokerTroubleLog trouble;

    @Inject
    private BusActivity activity;

    // The next probe and the stop change together: a tick never schedules past the stop.
    private final Object scheduling = new Object();
    private ScheduledFuture<?> task;
    private boolean stopped;

    @PostConstruct
    void start() {
        trouble.install();
        if (config.bus().artemis()) {
            claimNodeId();
        }
        scheduleProbe(0);
    }

    @PreDestroy
    void stop() {
        synchronized (scheduling) {
            stopped = true;
            task.cancel(false);
        }
        trouble.uninstall();
    }

    private void tick() {
        boolean sent = probe();
        scheduleProbe(nextProbeMs(sent, activity.everyOwnProbeSeen(), config.bus().probeIntervalMs()));
    }

    private void scheduleProbe(long delayMs) {
        synchronized (scheduling) {
            if (stopped) {
                return;
            }
            try {
                task = scheduler.schedule(this::tick, delayMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                LOG.fine("probes stop: the application is stopping");
            }
        }
    }

    /** Quick while the consumers have not seen a probe yet and the bus takes them; a broker that refuses waits the interval. */
    static long nextProbeMs(boolean sent, boolean everyConsumerReached, long intervalMs) {
        return sent && !everyConsumerReached ? Math.min(FIRST_PROBES_MS, intervalMs) : intervalMs;
    }

    private boolean probe() {
        boolean sent = true;
        for (EventKind kind : EventKind.values()) {
            try {
                probes.publish(kind);
            } catch (JMSRuntimeException e) {
                // Readiness follows the probes that come back; the log says once what is wrong.
                trouble.failed(e);
                sent = false;
            }
        }
        if (sent) {
            trouble.reached();
        }
        return sent;
    }

    private void claimNodeId() {
        String selector = Probes.CONFLICT + " = '" + node.instanceId() + "'";
        try (JMSContext context = connectionFactory.createContext();
                JMSConsumer answers = context.createConsumer(probes.topic(EventKind.NOTIFICATION), selector)) {
            probes.stamped(context).send(probes.topic(EventKind.NOTIFICATION), "claim");
            Message answer = answers.receive(config.bus().claimWaitMs());
            if (answer != null) {
                String holder = answer.getStringProperty(Probes.INSTANCE) + " on " + answer.getStringProperty(Probes.HOST);
                String problem = "duplicate node id '" + node.nodeId() + "': instance " + holder
                        + " is running with it; give every node its own PORTFOLIO_NODE_ID";
                LOG.severe(problem);
                throw new IllegalStateException(problem);
            }
        } catch (JMSRuntimeException | JMSException e) {
            // A broker that is down is not a misconfiguration: start, and stay not ready.
            LOG.warning(() -> "cannot check node id '" + node.nodeId() + "' on the bus now: " + e.getMessage());
        }
    }
}
