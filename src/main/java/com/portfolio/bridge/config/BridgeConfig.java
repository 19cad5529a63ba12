package com.portfolio.bridge.config;

import com.portfolio.bridge.access.ConversationAccess;
import com.portfolio.bridge.auth.JwtSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Typed, validated view of the bridge's MicroProfile Config, read once at start.
 * Every key here is listed in the README's configuration table.
 */
@ApplicationScoped
public class BridgeConfig {

    private RunMode mode;
    private JwtSettings jwt;
    private List<String> corsOrigins;
    private EngineSettings engine;
    private HealthSettings health;
    private int maxEventBytes;
    private SocketLimits limits;
    private ConversationAccess conversationAccess;
    private BusSettings bus;
    private ApiSettings api;
    private PresenceSettings presence;
    private RecoverySettings recovery;
    private ShutdownSettings shutdown;

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig();
        mode = RunMode.parse(config.getOptionalValue("portfolio.mode", String.class).orElse("prod"));
        jwt = new JwtConfigReader(key -> config.getOptionalValue(key, String.class), mode).read();
        corsOrigins = CorsOrigins.read(config, mode);
        engine = EngineSettings.read(config);
        health = HealthSettings.read(config, engine);
        limits = SocketLimits.read(config);
        conversationAccess = AccessReader.read(config);
        bus = BusSettings.read(key -> config.getOptionalValue(key, String.class));
        api = ApiSettings.read(key -> config.getOptionalValue(key, String.class), mode, jwt);
        presence = PresenceSettings.read(config);
        recovery = RecoverySettings.read(config);
        shutdown = ShutdownSettings.read(config);
        maxEventBytes = config.getOptionalValue("portfolio.bus.max-event-bytes", Integer.class).orElse(1_048_576);
    }

    public RunMode mode() {
        return mode;
    }

    public JwtSettings jwt() {
        return jwt;
    }

    public ApiSettings api() {
        return api;
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

    public ConversationAccess conversationAccess() {
        return conversationAccess;
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
