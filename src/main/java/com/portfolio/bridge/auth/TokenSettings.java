package com.portfolio.bridge.auth;

import com.portfolio.bridge.config.BridgeConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which tokens the node accepts, read once at start: socket tokens ({@code portfolio.jwt.*}) and
 * the HTTP API's service tokens ({@code portfolio.api.*}). A missing or weak socket key outside
 * dev stops the application with the key's name.
 */
@ApplicationScoped
public class TokenSettings {

    @Inject
    private BridgeConfig config;

    private JwtSettings sockets;
    private ApiSettings api;

    @PostConstruct
    void load() {
        Config source = ConfigProvider.getConfig();
        sockets = new JwtConfigReader(key -> source.getOptionalValue(key, String.class), config.mode(), JwtConfigReader.SOCKETS)
                .read();
        api = ApiSettings.read(key -> source.getOptionalValue(key, String.class), config.mode(), sockets);
    }

    /** How socket tokens (the CONNECT's {@code auth.token}) are verified. */
    public JwtSettings sockets() {
        return sockets;
    }

    public ApiSettings api() {
        return api;
    }
}
