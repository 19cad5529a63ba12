package com.portfolio.bridge.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;

/** Real keys and real signatures for the tests. */
final class Jwts {

    static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private Jwts() {
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static HmacKey hmac(String secret) {
        return new HmacKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    static JwtClaims claims(String subject) {
        JwtClaims claims = new JwtClaims();
        if (subject != null) {
            claims.setSubject(subject);
        }
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        return claims;
    }

    static String sign(JwtClaims claims, String algorithm, Key key) throws Exception {
        return sign(claims, algorithm, key, null);
    }

    static String sign(JwtClaims claims, String algorithm, Key key, String kid) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(key);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        return jws.getCompactSerialization();
    }

    static NumericDate secondsFromNow(long seconds) {
        NumericDate date = NumericDate.now();
        date.addSeconds(seconds);
        return date;
    }

    static JwtSettings settings(Consumer<Builder> customize) {
        Builder builder = new Builder();
        customize.accept(builder);
        return builder.build();
    }

    /** Mutable test-side builder over the record's many components. */
    static final class Builder {
        Set<String> algorithms = Set.of("HS256");
        Optional<String> secret = Optional.of(SECRET);
        Optional<String> pem = Optional.empty();
        Optional<URI> jwks = Optional.empty();
        Optional<String> issuer = Optional.empty();
        Optional<String> audience = Optional.empty();
        Duration skew = Duration.ofSeconds(30);
        List<String> claims = List.of("sub", "userId", "id");

        JwtSettings build() {
            return new JwtSettings(algorithms, secret, pem, jwks, issuer, audience, skew, claims);
        }
    }
}
