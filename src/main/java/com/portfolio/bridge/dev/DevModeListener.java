package com.portfolio.bridge.dev;

import com.portfolio.bridge.auth.TokenSettings;
import com.portfolio.bridge.config.BridgeConfig;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/** Mounts the dev-only demo page and token endpoint when, and only when, portfolio.mode=dev. */
@WebListener
public class DevModeListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(DevModeListener.class.getName());

    @Inject
    private BridgeConfig config;

    @Inject
    private TokenSettings tokens;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!config.mode().isDev()) {
            return;
        }
        ServletContext context = event.getServletContext();
        context.addServlet("dev-demo-page", new DemoPageServlet()).addMapping(DemoPageServlet.MAPPINGS);
        LOG.warning("DEV MODE: a demo page is served at / (404 outside dev mode).");
        if (tokens.sockets().secret().isEmpty()) {
            LOG.info("dev mode without an HMAC secret: /dev/token is not mounted (mint tokens with your own key)");
            return;
        }
        context.addServlet("dev-token", new DevTokenServlet(tokens.sockets(), tokens.api().requiredScope()))
                .addMapping(DevTokenServlet.PATH);
        LOG.warning("DEV MODE: GET " + DevTokenServlet.PATH + "?userId=<id> mints tokens. Never run this mode in production.");
    }
}
