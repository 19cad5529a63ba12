package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * New sessions per client IP per minute (the test server allows 20 and exempts 127.0.0.1, the
 * other tests' address). Requests come from 127.0.0.3 over plain sockets bound to it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RateLimitIT {

    private static final String CLIENT_IP = "127.0.0.3";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    private static String request(String from, String path, String extraHeaders) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", Ports.http()), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + Ports.http() + "\r\n" + extraHeaders
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).substring(9, 12);
        }
    }

    @Test
    void newSessionsFromOneAddressAreLimitedPerMinute() throws Exception {
        String handshake = "/socket.io/?EIO=4&transport=polling";
        for (int i = 0; i < 20; i++) {
            assertEquals("200", request(CLIENT_IP, handshake, ""), "handshake " + i);
        }
        assertEquals("429", request(CLIENT_IP, handshake, ""), "the 21st handshake in a minute");
        String upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        assertEquals("429", request(CLIENT_IP, "/socket.io/?EIO=4&transport=websocket", upgrade),
                "WebSocket handshakes count too");
        assertTrue(request("127.0.0.1", handshake, "").equals("200"), "other (and exempt) addresses are unaffected");
    }
}
