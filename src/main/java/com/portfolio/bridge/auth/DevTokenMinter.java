package com.portfolio.bridge.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** Mints HS256 tokens with the dev-mode secret, so a laptop needs no identity provider. */
public final class DevTokenMinter {

    private final HmacKey key;
    private final String issuer;
    private final String audience;

    public DevTokenMinter(String secret, String issuer, String audience) {
        this.key = new HmacKey(secret.getBytes(StandardCharsets.UTF_8));
        this.issuer = issuer;
        this.audience = audience;
    }

    /** @param scope the {@code scope} claim a service token carries (null for a user's token) */
    public String mint(String userId, Duration lifetime, String scope) {
        JwtClaims claims = new JwtClaims();
        if (scope != null) {
            claims.setStringClaim("scope", scope);
        }
        claims.setSubject(userId);
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(lifetime.toSeconds());
        claims.setExpirationTime(expiry);
        if (issuer != null) {
            claims.setIssuer(issuer);
        }
        if (audience != null) {
            claims.setAudience(audience);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
    }
}
