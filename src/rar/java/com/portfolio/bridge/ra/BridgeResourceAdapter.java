package com.portfolio.bridge.ra;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.activemq.artemis.ra.ActiveMQResourceAdapter;

/**
 * The Artemis resource adapter with the settings operators think in: a list of brokers and one
 * set of TLS settings, rather than a connector class name and a parameter string per broker
 * (which would put passwords into a string split on ';' and ',').
 */
public class BridgeResourceAdapter extends ActiveMQResourceAdapter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BridgeResourceAdapter.class.getName());
    private static final String NETTY = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";

    private String brokers;
    private final TlsSettings tls = new TlsSettings();

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            List<Map<String, Object>> connectors = BrokerAddresses.connectors(brokers, tls.transport());
            getProperties().setParsedConnectorClassNames(Collections.nCopies(connectors.size(), NETTY));
            getProperties().setParsedConnectionParameters(connectors);
            LOG.info(() -> "brokers " + brokers + (tls.enabled() ? " over TLS" : " in clear text")
                    + (Boolean.TRUE.equals(getHA()) ? ", HA on" : ""));
        } catch (IllegalArgumentException e) {
            // Named once, at start: the node cannot reach any broker with these settings.
            LOG.severe(e.getMessage());
            throw new ResourceAdapterInternalException(e.getMessage(), e);
        }
        super.start(context);
    }

    public String getBrokers() {
        return brokers;
    }

    public void setBrokers(String brokers) {
        this.brokers = brokers;
    }

    public Boolean getHighAvailability() {
        return getHA();
    }

    public void setHighAvailability(Boolean on) {
        setHA(on);
    }

    public Boolean getSslEnabled() {
        return tls.enabled();
    }

    public void setSslEnabled(Boolean on) {
        tls.enabled(Boolean.TRUE.equals(on));
    }

    public Boolean getVerifyHost() {
        return tls.verifyHost();
    }

    public void setVerifyHost(Boolean on) {
        tls.verifyHost(!Boolean.FALSE.equals(on));
    }

    public String getTrustStorePath() {
        return tls.trustStore().path();
    }

    public void setTrustStorePath(String path) {
        tls.trustStore().path(path);
    }

    public String getTrustStorePassword() {
        return tls.trustStore().password();
    }

    public void setTrustStorePassword(String password) {
        tls.trustStore().password(password);
    }

    public String getKeyStorePath() {
        return tls.keyStore().path();
    }

    public void setKeyStorePath(String path) {
        tls.keyStore().path(path);
    }

    public String getKeyStorePassword() {
        return tls.keyStore().password();
    }

    public void setKeyStorePassword(String password) {
        tls.keyStore().password(password);
    }
}
