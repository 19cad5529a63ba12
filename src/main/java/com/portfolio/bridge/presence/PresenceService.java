package com.portfolio.bridge.presence;

import com.portfolio.bridge.bus.NodeIdentity;
import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.presence.ClusterPresence.Outbox;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Presence across the cluster: every tick this node announces what changed in its rooms (a
 * heartbeat when nothing did), drops nodes gone silent, and publishes the presence events it
 * owns. Queries are answered from that state; no node is asked anything per query.
 */
@Singleton
@Startup
@DependsOn("PortfolioNamespace")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PresenceService {

    /** How often the state is looked at: heartbeats, timeouts, grace periods. */
    static final long TICK_MS = 100;
    private static final Logger LOG = Logger.getLogger(PresenceService.class.getName());

    @Inject
    private BridgeConfig config;

    @Inject
    private NodeIdentity node;

    @Inject
    private PortfolioNamespace namespace;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Resource(lookup = "jms/portfolio/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/portfolio/Cluster")
    private Topic clusterTopic;

    @Resource(lookup = "jms/portfolio/Presence")
    private Topic presenceTopic;

    private ClusterPresence presence;
    private PresenceBus bus;
    private ScheduledFuture<?> ticks;
    private volatile boolean busFailing;
    private long lastFlushMs;
    /** Joins waiting for their change to go out: completed by the tick that sends it. */
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    /** A tick is already asked for: a storm of joins asks once, not once per join. */
    private final java.util.concurrent.atomic.AtomicBoolean tickAsked = new java.util.concurrent.atomic.AtomicBoolean();

    @PostConstruct
    void start() {
        presence = new ClusterPresence(node.nodeId(), node.instanceId(), namespace.presence(), config.presence(),
                System.currentTimeMillis());
        bus = new PresenceBus(connectionFactory, clusterTopic, presenceTopic, config.presence().nodeTimeoutMs());
        // A session may come back on this node although it was on another one.
        namespace.recovery().sessionsElsewhere(pid -> presence.sessionElsewhere(pid, System.currentTimeMillis()));
        ticks = scheduler.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        namespace.announceThrough(this::flushed);
    }

    /** Completes once a tick has sent everything the rooms changed before this call. */
    private CompletionStage<Void> flushed() {
        CompletableFuture<Void> out = new CompletableFuture<>();
        synchronized (waiting) {
            waiting.add(out);
        }
        if (tickAsked.compareAndSet(false, true)) {
            try {
                scheduler.execute(this::tick);
            } catch (RejectedExecutionException stopping) {
                tickAsked.set(false);
                out.complete(null);
            }
        }
        return out;
    }

    // One at a time: the scheduled ticks and those a join asks for send in sequence order.
    private synchronized void tick() {
        // Cleared before the waiting joins are taken: a join added after asks for the next tick.
        tickAsked.set(false);
        List<CompletableFuture<Void>> due;
        synchronized (waiting) {
            due = List.copyOf(waiting);
            waiting.clear();
        }
        long now = System.currentTimeMillis();
        // Room changes go out every flush-ms, or at once when a join waits for them.
        boolean flush = !due.isEmpty() || now - lastFlushMs >= config.presence().flushMs();
        if (flush) {
            lastFlushMs = now;
        }
        try {
            send(presence.tick(now, flush));
        } finally {
            // Sent, or the bus refused (logged): a join must not wait for the bus to come back.
            due.forEach(join -> join.complete(null));
        }
    }

    private void send(Outbox outbox) {
        if (outbox.announcements().isEmpty() && outbox.transitions().isEmpty()) {
            return;
        }
        try {
            bus.send(outbox.announcements(), outbox.transitions());
            if (busFailing) {
                busFailing = false;
                LOG.info("presence: the bus takes announcements again");
            }
        } catch (JMSRuntimeException e) {
            // Lost announcements show up as a sequence gap at the others, who then ask for a snapshot.
            presence.retry(outbox.transitions());
            if (!busFailing) {
                busFailing = true;
                LOG.log(Level.WARNING, "presence: cannot publish to the bus (" + outbox.transitions().size()
                        + " presence events kept for later): " + e.getMessage());
            }
        }
    }

    /** One announcement from the cluster topic. @throws IllegalArgumentException if it is not one */
    public void receive(String text) {
        presence.receive(Announcement.parse(text), System.currentTimeMillis());
    }

    /**
     * A join, leave or disconnect command (applied to this node's sockets by the namespace): the
     * sessions kept here and those other nodes announced follow it, so a session restored after
     * a node died mid-command still reflects it. @param room null for a disconnect
     */
    public void command(String userId, String room, boolean join) {
        namespace.recovery().command(userId, room, join);
        presence.command(userId, room, join);
    }

    public UserPresence user(String userId) {
        return presence.user(userId);
    }

    public RoomPresenceView conversation(String conversationId) {
        return presence.conversation(conversationId);
    }

    @PreDestroy
    void stop() {
        ticks.cancel(false);
        namespace.announceThrough(com.portfolio.bridge.realtime.Announcements.NONE);
        synchronized (waiting) {
            waiting.forEach(join -> join.complete(null));
            waiting.clear();
        }
        // What changed since the last tick first: on `server stop` Liberty has just closed every
        // WebSocket, and the others can restore those sessions only if they hear of them.
        synchronized (this) {
            send(presence.tick(System.currentTimeMillis(), true));
        }
        try {
            bus.send(List.of(presence.bye()), List.of());
        } catch (JMSRuntimeException e) {
            LOG.warning(() -> "presence: could not say goodbye, the others drop this node after the timeout: " + e.getMessage());
        }
    }
}
