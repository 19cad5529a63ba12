package com.portfolio.bridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs RS256 tokens with the build's test key, as the platform's API would. Works on both
 * sides: the test JVM knows the key folder from a system property, the server from its config.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String valid(String userId) {
        return sign(userId, 600);
    }

    public static String expiringIn(String userId, int seconds) {
        return sign(userId, seconds);
    }

    public static String expired(String userId) {
        return sign(userId, -120);
    }

    private static String sign(String userId, int lifetimeSeconds) {
        return signWith(claims(userId, lifetimeSeconds), AlgorithmIdentifiers.RSA_USING_SHA256, privateKey(), null);
    }

    /** A token from the platform's key whose claims a test has changed (for the bad-token catalogue). */
    public static String custom(String userId, java.util.function.Consumer<JwtClaims> change) {
        JwtClaims claims = claims(userId, 600);
        change.accept(claims);
        return signWith(claims, AlgorithmIdentifiers.RSA_USING_SHA256, privateKey(), null);
    }

    public static JwtClaims claims(String userId, int lifetimeSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(userId);
        claims.setIssuer(setting("it.jwt.issuer", "portfolio.jwt.issuer"));
        claims.setAudience(setting("it.jwt.audience", "portfolio.jwt.audience"));
        claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + lifetimeSeconds));
        return claims;
    }

    public static String signWith(JwtClaims claims, String algorithm, java.security.Key key, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(key);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The platform's public key as PEM text, as an attacker would find it. */
    public static String publicKeyPem() {
        try {
            return Files.readString(keyDir().resolve("public.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static volatile PrivateKey cached;

    private static PrivateKey privateKey() {
        if (cached == null) {
            cached = readPrivateKey();
        }
        return cached;
    }

    private static PrivateKey readPrivateKey() {
        try {
            String pem = Files.readString(keyDir().resolve("private.pem"));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path keyDir() {
        String dir = System.getProperty("it.keys.dir");
        if (dir != null) {
            return Path.of(dir);
        }
        return Path.of(setting("none", "portfolio.jwt.public-key-location")).getParent();
    }

    private static String setting(String systemProperty, String serverConfigKey) {
        String value = System.getProperty(systemProperty);
        return value != null ? value : ConfigProvider.getConfig().getValue(serverConfigKey, String.class);
    }
}
