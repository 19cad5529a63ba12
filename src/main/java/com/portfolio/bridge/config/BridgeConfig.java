package com.portfolio.bridge.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
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
    private ShutdownSettings shutdown;

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig();
        mode = RunMode.parse(config.getOptionalValue("portfolio.mode", String.class).orElse("prod"));
        corsOrigins = CorsOrigins.read(config, mode);
        engine = EngineSettings.read(config);
        health = HealthSettings.read(config, engine);
        limits = SocketLimits.read(config);
        bus = BusSettings.read(key -> config.getOptionalValue(key, String.class));
        presence = PresenceSettings.read(config);
        recovery = RecoverySettings.read(config);
        shutdown = ShutdownSettings.read(config);
        maxEventBytes = config.getOptionalValue("portfolio.bus.max-event-bytes", Integer.class).orElse(1_048_576);
    }

    public RunMode mode() {
        return mode;
    }

    public RecoverySettings recovery() {
        return recovery;
    }

    public ShutdownSettings shutdown() {
        return shutdown;
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
