package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.bus.BusActivity;
import com.portfolio.bridge.vocabulary.EventKind;
import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.BusPublisher;
import com.portfolio.bridge.it.support.Deliver;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.EngineSids;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.StalledReader;
import com.portfolio.bridge.it.support.TestTokens;
import com.portfolio.bridge.it.support.WriteThreads;
import jakarta.enterprise.inject.spi.CDI;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the bridge writes to the server log about bad input: every warning names the connection,
 * socket, user or event it is about, and no token or document body ever reaches the log. Each
 * bad input carries a marker; the log written meanwhile must not contain it.
 */
@ExtendWith(ArquillianExtension.class)
class LogHygieneIT {

    private static final Pattern BRIDGE_WARNING = Pattern.compile("com\\.portfolio\\.bridge\\.\\S+\\s+W ");
    private static final Pattern NAMES_WHAT = Pattern.compile("event ID:|connection \\S+|socket \\S+|user \\S+|node '");

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge().addClasses(StalledReader.class, WriteThreads.class);
    }

    @Test
    void warningsNameWhatTheyConcernAndNeverATokenOrABody() throws Exception {
        // The server's working directory is its own: logs/ is under it.
        Path log = Path.of("logs/messages.log");
        assertTrue(Files.exists(log), "the server log at " + log.toAbsolutePath());
        long from = Files.size(log);
        String mark = "LOGMARK" + UUID.randomUUID().toString().replace("-", "");
        String user = RawSocketClient.unique("hygiene");
        BusActivity activity = CDI.current().select(BusActivity.class).get();
        long deadBefore = activity.deadLettered(EventKind.NOTIFICATION) + activity.deadLettered(EventKind.COMMAND);

        String marked = TestTokens.custom(user, claims -> claims.setStringClaim("note", mark));
        List<String> tokens = List.of(marked.substring(0, marked.length() - 6) + "AAAAAA", mark + "." + mark + "." + mark);
        for (String token : tokens) {
            try (RawSocketClient refused = RawSocketClient.connect(Ports.http(), token)) {
                assertFalse(refused.connected());
            }
        }
        BusPublisher.text(BusPublisher.NOTIFICATIONS, "{\"secret\":\"" + mark + "\"", Map.of("userId", user));
        BusPublisher.text(BusPublisher.NOTIFICATIONS, "[\"" + mark + "\"]", Map.of("userId", user));
        BusPublisher.text(BusPublisher.NOTIFICATIONS, "{\"secret\":\"" + mark + "\"}", Map.of());
        BusPublisher.text(BusPublisher.COMMANDS, "{\"op\":\"" + mark + "\",\"userId\":\"" + user + "\"}", Map.of());
        BusPublisher.text(BusPublisher.COMMANDS, "{\"op\":\"disconnect\",\"userId\":\"" + user + "\",\"revokeIssuedBefore\":\"" + mark + "\"}", Map.of());
        Await.until("five poison messages dead-lettered", Duration.ofSeconds(20), () ->
                activity.deadLettered(EventKind.NOTIFICATION) + activity.deadLettered(EventKind.COMMAND) - deadBefore == 5);

        // A client that stops reading is cut with a warning that says whose connection it was.
        String stalledUser = RawSocketClient.unique("hygiene-stalled");
        try (StalledReader stalled = StalledReader.joined(Ports.http(), TestTokens.valid(stalledUser), RawSocketClient.unique("c"))) {
            String chunk = "{\"pad\":\"" + "x".repeat(64 * 1024) + "\",\"secret\":\"" + mark + "\"}";
            long chunks = (WriteThreads.kernelBufferBytes() + 3L * 1024 * 1024) / chunk.length() + 1;
            for (long n = 0; n < chunks; n++) {
                Deliver.notification(stalledUser, chunk);
            }
            Await.until("the stalled reader is cut", Duration.ofSeconds(15), () -> EngineSids.unknown(stalled.engineId()));
        }

        String written = since(log, from);
        assertFalse(written.contains(mark), "a token or a document body reached the log:\n" + excerpt(written, mark));
        assertTrue(written.contains("(user " + stalledUser + ")"), "the cut names its user:\n" + written);
        for (String line : written.split("\n")) {
            if (BRIDGE_WARNING.matcher(line).find()) {
                assertTrue(NAMES_WHAT.matcher(line).find(), "a warning that names nothing: " + line);
            }
        }
    }

    private static String since(Path log, long from) throws java.io.IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String excerpt(String text, String mark) {
        int at = text.indexOf(mark);
        return text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 100));
    }
}
