package com.portfolio.bridge.it.support;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.util.Map;
import java.util.function.Function;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Publishes to the bridge's real JMS destinations, from inside the server, as a producer would. */
public final class BusPublisher {

    public static final String NOTIFICATIONS = "jms/portfolio/Notifications";
    public static final String MESSAGES = "jms/portfolio/Messages";
    public static final String COMMANDS = "jms/portfolio/Commands";
    public static final String DEAD_LETTER = "jms/portfolio/DeadLetter";
    public static final String PRESENCE = "jms/portfolio/Presence";

    private BusPublisher() {
    }

    public static void text(String destination, String body, Map<String, String> properties) throws Exception {
        send(destination, context -> context.createTextMessage(body), properties);
    }

    public static void send(String destination, Function<JMSContext, Message> body, Map<String, String> properties)
            throws Exception {
        try (JMSContext context = connectionFactory().createContext()) {
            Message message = body.apply(context);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            context.createProducer().send(lookup(destination), message);
        }
    }

    public static ConnectionFactory connectionFactory() throws NamingException {
        return InitialContext.doLookup("jms/portfolio/ConnectionFactory");
    }

    public static <T extends Destination> T lookup(String jndiName) throws NamingException {
        return InitialContext.doLookup(jndiName);
    }
}
