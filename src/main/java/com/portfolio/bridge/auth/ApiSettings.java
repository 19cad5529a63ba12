package com.portfolio.bridge.auth;

import com.portfolio.bridge.config.RunMode;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The backend HTTP API: which service tokens it accepts ({@code portfolio.api.jwt.*}) and the
 * scope they must carry. No key, outside dev → no API (every path 404). In dev without a key of
 * its own it shares the socket tokens' dev key, so /dev/token?service=true can mint for it.
 */
public record ApiSettings(Optional<JwtSettings> jwt, String requiredScope) {

    private static final Logger LOG = Logger.getLogger(ApiSettings.class.getName());

    public boolean enabled() {
        return jwt.isPresent();
    }

    static ApiSettings read(Function<String, Optional<String>> config, RunMode mode, JwtSettings socketJwt) {
        Optional<JwtSettings> own = new JwtConfigReader(config, mode, JwtConfigReader.API).readIfConfigured();
        Optional<JwtSettings> jwt = own.isPresent() || !mode.isDev() ? own : Optional.of(socketJwt);
        String scope = config.apply("portfolio.api.required-scope").map(String::trim).filter(s -> !s.isEmpty())
                .orElse("bridge");
        if (scope.contains(" ")) {
            throw new IllegalStateException("portfolio.api.required-scope must be one scope, got '" + scope + "'");
        }
        if (jwt.isEmpty()) {
            LOG.info("the backend HTTP API (/api/bridge/v1) is off: no portfolio.api.jwt key is configured");
        }
        return new ApiSettings(jwt, scope);
    }
}
