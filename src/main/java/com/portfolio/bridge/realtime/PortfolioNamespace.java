package com.portfolio.bridge.realtime;

import com.portfolio.bridge.access.AccessSettings;
import com.portfolio.bridge.auth.JoseTokenVerifier;
import com.portfolio.bridge.auth.Revocations;
import com.portfolio.bridge.auth.TokenSettings;
import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.metrics.SocketMetrics;
import com.portfolio.bridge.recovery.Offset;
import com.portfolio.bridge.recovery.Recovery;
import com.portfolio.bridge.socketio.SocketIoEngine;
import com.portfolio.bridge.vocabulary.RoomNames;
import io.socket.engineio.server.EngineIoServer;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Owns the Engine.IO engine, the Socket.IO server and the /portfolio namespace for the life of
 * the application. Bean-managed concurrency: every method here is thread-safe on its own, so
 * emits from many message-driven beans and socket callbacks never queue behind a container lock.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Nothing here is transactional; the default (REQUIRED) began and committed a transaction per call.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PortfolioNamespace {

    public static final String NAME = "/portfolio";
    private static final Logger LOG = Logger.getLogger(PortfolioNamespace.class.getName());

    @Inject
    BridgeConfig config;

    @Inject
    TokenSettings tokens;

    @Inject
    AccessSettings access;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Sequencer sequencer;

    @Inject
    SocketMetrics metrics;

    private Timers scheduler;

    private EngineIoServer engine;
    private RoomRegistry rooms;
    private Delivery delivery;
    private Connections connections;
    private Revocations revocations;
    private UserCommands commands;
    private final RoomPresence presence = new RoomPresence();
    private Recovery recovery;
    private volatile Announcements announcements = Announcements.NONE;
    private RecoveryHooks recoveryHooks;
    private EngineRequests requests;
    private ScheduledFuture<?> sweeper;

    @PostConstruct
    void start() {
        scheduler = new Timers(threads, executor);
        TokenExpiry expiry = config.limits().disconnectOnTokenExpiry() ? new TokenExpiry(scheduler, tokens.sockets().clockSkew()) : null;
        ConnectDeadlines deadlines = new ConnectDeadlines(scheduler, config.engine().connectTimeoutMs());
        connections = new Connections(config.limits().socketsPerUser(), metrics, deadlines, c -> recoveryHooks.closed(c));
        revocations = new Revocations(Duration.ofSeconds(config.limits().revocationRetentionSeconds()), Clock.systemUTC());
        recovery = new Recovery(config.recovery(),
                room -> RoomNames.isUser(room) ? Offset.NOTIFICATIONS : Offset.MESSAGES);
        recoveryHooks = new RecoveryHooks(recovery, new Restores(recovery, sequencer, access.conversations()), connections);
        ConnectCheck check = new ConnectCheck(new JoseTokenVerifier(tokens.sockets()), revocations, connections, scheduler,
                recoveryHooks, metrics);
        SocketIoEngine io = new SocketIoEngine(config.engine().pingIntervalMs(), config.engine().pingTimeoutMs(),
                config.engine().connectTimeoutMs(), scheduler,
                ns -> new RoomRegistry(ns, connections, this::admitted, presence));
        engine = io.engine();
        requests = new EngineRequests(engine, connections);
        SocketIoNamespace namespace = io.namespace(NAME, check, connections::opened,
                metrics::connectRefused, requests::describe);
        rooms = (RoomRegistry) namespace.getAdapter();
        presence.attach(rooms, recovery, connections, metrics);
        delivery = new Delivery(rooms, recovery, sequencer, metrics);
        ConversationLimit limit = new ConversationLimit(config.limits().conversationsPerSocket());
        commands = new UserCommands(rooms, limit);
        ConversationHandlers conversations = new ConversationHandlers(rooms, limit,
                access.conversations(), connections, () -> announcements);
        namespace.on("connection", args -> {
            SocketIoSocket socket = (SocketIoSocket) args[0];
            Optional<Connection> connection = connections.connected(socket);
            conversations.register(socket);
            connection.ifPresent(c -> recoveryHooks.connected(socket, c));
            if (expiry != null) {
                connection.flatMap(Connection::user).ifPresent(user -> expiry.watch(socket, user));
            }
        });
        long sweepMs = config.engine().pingIntervalMs() + config.engine().pingTimeoutMs();
        sweeper = scheduler.scheduleAtFixedRate(() -> metrics.swept(connections.sweep()), sweepMs, sweepMs, TimeUnit.MILLISECONDS);
        LOG.info(() -> "namespace " + NAME + " ready (mode " + config.mode() + ")");
    }

    /**
     * Joins a just-admitted socket to its user's room, before the library acknowledges CONNECT.
     * A restored socket rejoins it later, on the user's lane, after its replay.
     */
    private void admitted(SocketIoSocket socket) {
        connections.of(socket).filter(connection -> !connection.restorePending())
                .flatMap(Connection::user)
                .ifPresent(user -> socket.joinRoom(RoomNames.user(user.userId())));
    }

    /** The transport's per-request questions, for callers that ask often: no container work per call. */
    public EngineRequests requests() {
        return requests;
    }

    /** The delivery path, for callers that deliver often: no container work per call. */
    public Delivery delivery() {
        return delivery;
    }

    /** Every socket of the user on this node joins the conversation. @return the user's sockets in it */
    public int joinUser(String userId, String conversationId) {
        return commands.join(userId, conversationId);
    }

    /** Every socket of the user on this node leaves the conversation. @return how many left */
    public int leaveUser(String userId, String conversationId) {
        return commands.leave(userId, conversationId);
    }

    /**
     * Ends every socket of the user on this node; with {@code revokeIssuedBefore}, first refuses
     * the user's older tokens, so none of them can reconnect in between. @return sockets ended
     */
    public int disconnectUser(String userId, Optional<Instant> revokeIssuedBefore) {
        revokeIssuedBefore.ifPresent(before -> revocations.revoke(userId, before));
        return commands.disconnect(userId);
    }

    /** Joins and leaves are acknowledged once these say the change went out to the cluster. */
    public void announceThrough(Announcements cluster) {
        this.announcements = cluster;
    }

    /** Completes once the room changes made so far have gone out to the cluster. */
    public CompletionStage<Void> announcementsFlushed() {
        return announcements.flushed();
    }

    /** Connection state recovery: sessions kept and restored, the cluster's view of them. */
    public Recovery recovery() {
        return recovery;
    }

    /** This node's users and conversation members, as the cluster's presence needs them. */
    public RoomPresence presence() {
        return presence;
    }

    public int connectedSockets() {
        return connections.connectedCount();
    }

    public int socketsOnWebSocket() {
        return connections.onWebSocketCount();
    }

    /** Closes a connection whose client is to resume on another node: its session is kept at once. */
    public void sendAway(String connectionId) {
        connections.get(connectionId).ifPresent(connection -> {
            recoveryHooks.sendingAway(connection);
            connection.close();
        });
    }

    public int openConnections() {
        return requests.openCount();
    }

    /** The Engine.IO connections open now, for a drain to close one by one. */
    public List<String> openConnectionIds() {
        return connections.openIds();
    }

    @PreDestroy
    void stop() {
        sweeper.cancel(false);
        // Without a drain first (an undeploy, a stop with no quiesce hook), every client is sent away
        // here: its session kept, its transport closed, and it comes back by itself.
        connections.openIds().forEach(this::sendAway);
        int closed = connections.closeAll();
        engine.shutdown();
        scheduler.shutdownNow();
        LOG.info(() -> "namespace " + NAME + " stopped; closed " + closed + " connections");
    }
}
