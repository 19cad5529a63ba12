package com.portfolio.bridge.bus;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.CharacterCodingException;

/** Reads an event body: a TextMessage, or a BytesMessage holding UTF-8 JSON, within a size bound. */
final class MessageBodies {

    private MessageBodies() {
    }

    static String text(Message message, int maxBytes) throws JMSException, PoisonEventException {
        if (message instanceof TextMessage textMessage) {
            String text = textMessage.getText();
            // UTF-16 length is a cheap lower bound on the UTF-8 size.
            if (text != null && (text.length() > maxBytes || utf8Length(text) > maxBytes)) {
                throw new PoisonEventException("body larger than " + maxBytes + " bytes");
            }
            return text;
        }
        if (message instanceof BytesMessage bytesMessage) {
            long length = bytesMessage.getBodyLength();
            if (length > maxBytes) {
                throw new PoisonEventException("body larger than " + maxBytes + " bytes");
            }
            byte[] bytes = new byte[(int) length];
            bytesMessage.readBytes(bytes);
            try {
                return StrictUtf8.decode(bytes);
            } catch (CharacterCodingException e) {
                throw new PoisonEventException("BytesMessage body is not UTF-8");
            }
        }
        String type = message.getClass().getInterfaces().length > 0
                ? message.getClass().getInterfaces()[0].getSimpleName() : message.getClass().getSimpleName();
        throw new PoisonEventException("unsupported message type " + type + ": send a TextMessage or a BytesMessage");
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
