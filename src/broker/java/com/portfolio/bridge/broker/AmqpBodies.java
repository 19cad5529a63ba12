package com.portfolio.bridge.broker;

import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.AmqpSequence;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Section;

/** AMQP structured bodies (maps and lists), and their JSON rendering for a dead-letter copy. */
final class AmqpBodies {

    private AmqpBodies() {
    }

    /** A map or list body: the only kinds whose conversion to a JMS message can fail. */
    static boolean isStructured(Section body) {
        return body instanceof AmqpSequence
                || body instanceof AmqpValue value && (value.getValue() instanceof Map || value.getValue() instanceof List);
    }

    static String json(Section body) {
        StringBuilder out = new StringBuilder();
        write(out, body instanceof AmqpSequence sequence ? sequence.getValue() : ((AmqpValue) body).getValue());
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                string(out, String.valueOf(entry.getKey()));
                out.append(':');
                write(out, entry.getValue());
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Binary binary) {
            string(out, Base64.getEncoder().encodeToString(binary.getArray()));
        } else if (value instanceof Date date) {
            string(out, date.toInstant().toString());
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
