package com.portfolio.bridge.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Typed, validated view of the bridge's MicroProfile Config, read once at start.
 * Every key here is listed in the configuration table (docs/configuration.md). Tokens
 * ({@code auth.TokenSettings}) and conversation access ({@code access.AccessSettings}) read their own.
 */
@ApplicationScoped
public class BridgeConfig {

    private RunMode mode;
    private List<String> corsOrigins;
    private EngineSettings engine;
    private HealthSettings health;
    private int maxEventBytes;
    private SocketLimits limits;
    private BusSettings bus;
    private PresenceSettings presence;
    private RecoverySettings recovery;
    private long shutdownGraceMs;

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig();
        mode = RunMode.parse(config.getOptionalValue("portfolio.mode", String.class).orElse("prod"));
        corsOrigins = corsOrigins(config, mode);
        engine = EngineSettings.read(config);
        health = HealthSettings.read(config, engine);
        limits = SocketLimits.read(config);
        bus = BusSettings.read(key -> config.getOptionalValue(key, String.class));
        presence = PresenceSettings.read(config);
        recovery = RecoverySettings.read(config);
        shutdownGraceMs = config.getOptionalValue("portfolio.shutdown.grace-ms", Long.class).orElse(10_000L);
        if (shutdownGraceMs < 0) {
            throw new IllegalStateException("portfolio.shutdown.grace-ms must be 0 or positive; got " + shutdownGraceMs);
        }
        maxEventBytes = config.getOptionalValue("portfolio.bus.max-event-bytes", Integer.class).orElse(1_048_576);
    }

    /** The allow-list of cross-site origins; "*" is refused because responses carry credentials. */
    private static List<String> corsOrigins(Config config, RunMode mode) {
        String raw = config.getOptionalValue("portfolio.cors.allowed-origins", String.class)
                .orElse(mode.isDev() ? "http://localhost:*,http://127.0.0.1:*" : "");
        List<String> origins = Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        if (origins.contains("*")) {
            throw new IllegalStateException("portfolio.cors.allowed-origins must list origins; '*' with credentials"
                    + " would let any site act as a logged-in user");
        }
        return origins;
    }

    public RunMode mode() {
        return mode;
    }

    public RecoverySettings recovery() {
        return recovery;
    }

    /** How long a node stopping on SIGTERM spreads its clients' reconnects over (0: all at once). */
    public long shutdownGraceMs() {
        return shutdownGraceMs;
    }

    public PresenceSettings presence() {
        return presence;
    }

    public List<String> corsOrigins() {
        return corsOrigins;
    }

    public EngineSettings engine() {
        return engine;
    }

    public HealthSettings health() {
        return health;
    }

    public SocketLimits limits() {
        return limits;
    }

    public BusSettings bus() {
        return bus;
    }

    public int maxEventBytes() {
        return maxEventBytes;
    }
}
