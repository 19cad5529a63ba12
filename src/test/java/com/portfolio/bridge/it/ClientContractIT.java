package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Deployments;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client contract, checked by the real JavaScript socket.io-client 4.x under Node against
 * this Liberty deployment, in every transport mode (src/test/js/contract.test.mjs), and the backend
 * HTTP API as the same client sees its effects (src/test/js/api.test.mjs).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientContractIT {

    private static final Logger LOG = Logger.getLogger(ClientContractIT.class.getName());

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void socketIoClientContractHoldsInEveryTransportMode() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("skipContractTests"), "contract tests skipped");
        String base = "http://127.0.0.1:" + System.getProperty("it.http.port");
        Path log = Path.of("target", "contract-tests.log");
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "contract.test.mjs", "api.test.mjs", "recovery.test.mjs")
                .directory(new File(System.getProperty("it.js.dir")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = node.environment();
        env.put("BRIDGE_URL", base);
        env.put("PUBLISH_URL", base + "/test-support/publish");
        env.put("JWT_PRIVATE_KEY_FILE", Path.of(System.getProperty("it.keys.dir"), "private.pem").toString());
        env.put("JWT_ISSUER", System.getProperty("it.jwt.issuer"));
        env.put("JWT_AUDIENCE", System.getProperty("it.jwt.audience"));

        Process process = node.start();
        boolean finished = process.waitFor(90, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        LOG.info(() -> "socket.io-client contract suite:\n" + output);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "the contract suite did not finish within 90 s (the suite takes seconds: a parked request or an unclosed socket keeps Node alive)");
        assertEquals(0, process.exitValue(), "the contract suite failed; see target/contract-tests.log");
        assertTrue(output.contains("fail 0"), "the contract suite reported failures");
    }
}
