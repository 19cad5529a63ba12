package com.portfolio.bridge.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;
import java.net.ConnectException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The errors the Artemis client gives for each wrong setting (as seen against a real broker), and the one line each becomes. */
class BrokerTroubleTest {

    private static Throwable handshake(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }

    @Test
    void eachWrongSettingIsRecognisedFromWhatTheClientThrows() {
        assertEquals(BrokerTrouble.UNTRUSTED_BROKER, BrokerTrouble.of(handshake("PKIX path building failed: sun.security."
                + "provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target", null)));
        assertEquals(BrokerTrouble.HOST_NOT_IN_CERTIFICATE, BrokerTrouble.of(handshake("No name matching localhost found",
                new CertificateException("No name matching localhost found"))));
        assertEquals(BrokerTrouble.DROPPED_DURING_SETUP, BrokerTrouble.of(new IllegalStateException(
                "No ActiveMQChannelHandler has been found while connecting to /127.0.0.1:61761 from Channel with id = 73ba627a")));
        assertEquals(BrokerTrouble.NOT_TLS, BrokerTrouble.of(new javax.net.ssl.SSLException("Unsupported or unrecognized SSL message")));
        assertEquals(BrokerTrouble.CREDENTIALS, BrokerTrouble.of(new JMSSecurityRuntimeException("AMQ229031: Unable to validate user")));
        assertEquals(BrokerTrouble.TLS, BrokerTrouble.of(new JMSRuntimeException("failed", null, handshake("Received fatal alert: something", null))));
    }

    @Test
    void aBrokerThatIsDownIsNothingToFix() {
        assertNull(BrokerTrouble.of(new JMSRuntimeException("Failed to create session factory", null, new ConnectException("Connection refused"))));
    }

    @Test
    void theClientsErrorPerAttemptBecomesOneLineUntilTheBusAnswers() {
        List<LogRecord> said = new ArrayList<>();
        Logger ours = Logger.getLogger(BrokerTroubleLog.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                said.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        ours.addHandler(capture);
        BrokerTroubleLog log = new BrokerTroubleLog();
        try {
            LogRecord attempt = new LogRecord(Level.SEVERE, "AMQ214016: Failed to create netty connection");
            attempt.setThrown(handshake("No name matching localhost found", new CertificateException("No name matching localhost found")));
            for (int i = 0; i < 50; i++) {
                assertFalse(log.admit(attempt), "the client's own record is not logged");
            }
            assertTrue(log.admit(new LogRecord(Level.WARNING, "AMQ212037: something else")), "other records pass");
            log.failed(new JMSRuntimeException("Failed to create session factory"));
            assertEquals(1, said.size());
            assertTrue(said.get(0).getMessage().contains("PORTFOLIO_ARTEMIS_BROKERS"), said.get(0).getMessage());
            assertTrue(said.get(0).getMessage().contains("No name matching localhost found"));
            assertEquals(50, log.quieted());

            log.reached();
            assertEquals(2, said.size());
            assertTrue(said.get(1).getMessage().contains("50 repeated client errors"), said.get(1).getMessage());
            assertFalse(log.admit(attempt));
            assertEquals(3, said.size(), "said again after the bus had answered");

            LogRecord timedOut = new LogRecord(Level.WARNING, "AMQ152005: Failure in broker activation");
            timedOut.setThrown(new IllegalStateException("AMQ219013: Timed out waiting to receive cluster topology. Group:null"));
            assertFalse(log.admit(timedOut));
            assertEquals(3, said.size(), "a set-up that times out after a named TLS failure is not a second diagnosis");
        } finally {
            ours.removeHandler(capture);
        }
    }
}
