package com.portfolio.bridge.auth;

import static com.portfolio.bridge.auth.Jwts.claims;
import static com.portfolio.bridge.auth.Jwts.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JWKS keys served by a real HTTP server on loopback, as an identity provider would. */
class JwksVerificationTest {

    private final List<RsaJsonWebKey> published = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer server;
    private TokenVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JsonWebKeySet(new ArrayList<>(published)).toJson().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        // No refetch reprieve here: the rotation test looks up a new kid right after the first fetch.
        verifier = new JoseTokenVerifier(Jwts.settings(b -> {
            b.algorithms = Set.of("RS256");
            b.secret = Optional.empty();
            b.jwks = Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"));
        }), 0);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static RsaJsonWebKey jwk(KeyPair pair, String kid) {
        RsaJsonWebKey jwk = new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) pair.getPublic());
        jwk.setKeyId(kid);
        return jwk;
    }

    @Test
    void acceptsTokensSignedWithAPublishedKey() throws Exception {
        KeyPair pair = Jwts.rsa();
        published.add(jwk(pair, "k1"));
        String token = sign(claims("alice"), AlgorithmIdentifiers.RSA_USING_SHA256, pair.getPrivate(), "k1");
        assertEquals("alice", verifier.verify(token).userId());
    }

    @Test
    void refetchesWhenANewKeyIdAppears() throws Exception {
        KeyPair first = Jwts.rsa();
        published.add(jwk(first, "k1"));
        verifier.verify(sign(claims("alice"), AlgorithmIdentifiers.RSA_USING_SHA256, first.getPrivate(), "k1"));
        int fetchesBefore = fetches.get();

        KeyPair rotated = Jwts.rsa();
        published.add(jwk(rotated, "k2"));
        String token = sign(claims("bob"), AlgorithmIdentifiers.RSA_USING_SHA256, rotated.getPrivate(), "k2");
        assertEquals("bob", verifier.verify(token).userId());
        assertTrue(fetches.get() > fetchesBefore, "the JWKS was fetched again for the unknown kid");
    }

    @Test
    void anUnknownKeyIdIsASignatureFailure() throws Exception {
        published.add(jwk(Jwts.rsa(), "k1"));
        String token = sign(claims("alice"), AlgorithmIdentifiers.RSA_USING_SHA256, Jwts.rsa().getPrivate(), "nope");
        assertEquals(RejectionReason.SIGNATURE,
                assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).reason());
    }

    @Test
    void anUnreachableJwksIsUnavailableNotTheClientsFault() throws Exception {
        KeyPair pair = Jwts.rsa();
        String token = sign(claims("alice"), AlgorithmIdentifiers.RSA_USING_SHA256, pair.getPrivate(), "k1");
        server.stop(0);
        assertEquals(RejectionReason.UNAVAILABLE,
                assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).reason());
    }
}
