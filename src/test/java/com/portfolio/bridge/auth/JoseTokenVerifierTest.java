package com.portfolio.bridge.auth;

import static com.portfolio.bridge.auth.Jwts.claims;
import static com.portfolio.bridge.auth.Jwts.hmac;
import static com.portfolio.bridge.auth.Jwts.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JoseTokenVerifierTest {

    private static KeyPair rsa;
    private static KeyPair otherRsa;
    private static KeyPair ec;
    private final TokenVerifier hs256 = new JoseTokenVerifier(Jwts.settings(b -> { }));

    @BeforeAll
    static void keys() throws Exception {
        rsa = Jwts.rsa();
        otherRsa = Jwts.rsa();
        ec = Jwts.ec();
    }

    private static TokenVerifier publicKey(KeyPair pair, String... algorithms) {
        return new JoseTokenVerifier(Jwts.settings(b -> {
            b.algorithms = Set.of(algorithms);
            b.secret = Optional.empty();
            b.pem = Optional.of(Jwts.pem(pair.getPublic()));
        }));
    }

    private static RejectionReason rejection(TokenVerifier verifier, String token) {
        return assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).reason();
    }

    @Test
    void acceptsHmacTokensOfEachSize() throws Exception {
        for (String alg : new String[] {"HS256", "HS384", "HS512"}) {
            TokenVerifier verifier = new JoseTokenVerifier(Jwts.settings(b -> b.algorithms = Set.of(alg)));
            assertEquals("alice", verifier.verify(sign(claims("alice"), alg, hmac(Jwts.SECRET))).userId(), alg);
        }
    }

    @Test
    void acceptsRsaPssAndEcTokensWithAPemKey() throws Exception {
        assertEquals("u1", publicKey(rsa, "RS256").verify(
                sign(claims("u1"), AlgorithmIdentifiers.RSA_USING_SHA256, rsa.getPrivate())).userId());
        assertEquals("u2", publicKey(rsa, "PS256").verify(
                sign(claims("u2"), AlgorithmIdentifiers.RSA_PSS_USING_SHA256, rsa.getPrivate())).userId());
        assertEquals("u3", publicKey(ec, "ES256").verify(
                sign(claims("u3"), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, ec.getPrivate())).userId());
    }

    @Test
    void reportsTheExpiry() throws Exception {
        JwtClaims claims = claims("alice");
        claims.setExpirationTime(Jwts.secondsFromNow(300));
        AuthenticatedUser user = hs256.verify(sign(claims, "HS256", hmac(Jwts.SECRET)));
        assertEquals(claims.getExpirationTime().getValue(), user.expiresAt().getEpochSecond());
    }

    @Test
    void missingTokens() {
        assertEquals(RejectionReason.MISSING, rejection(hs256, null));
        assertEquals(RejectionReason.MISSING, rejection(hs256, "  "));
    }

    @Test
    void malformedTokens() {
        assertEquals(RejectionReason.MALFORMED, rejection(hs256, "junk"));
        assertEquals(RejectionReason.MALFORMED, rejection(hs256, "a.b"));
        assertEquals(RejectionReason.MALFORMED, rejection(hs256, "!!!.???.***"));
        String notJson = b64("{\"alg\":\"HS256\"}") + "." + b64("not json") + "." + b64("sig");
        assertEquals(RejectionReason.MALFORMED, rejection(hs256, notJson));
        assertEquals(RejectionReason.MALFORMED, rejection(hs256, "a".repeat(1_000_000)));
    }

    @Test
    void expiredTokens() throws Exception {
        JwtClaims claims = claims("alice");
        claims.setIssuedAt(Jwts.secondsFromNow(-600));
        claims.setExpirationTime(Jwts.secondsFromNow(-120));
        assertEquals(RejectionReason.EXPIRED, rejection(hs256, sign(claims, "HS256", hmac(Jwts.SECRET))));
    }

    @Test
    void expiryWithinTheSkewIsAccepted() throws Exception {
        JwtClaims claims = claims("alice");
        claims.setIssuedAt(Jwts.secondsFromNow(-600));
        claims.setExpirationTime(Jwts.secondsFromNow(-10));
        assertEquals("alice", hs256.verify(sign(claims, "HS256", hmac(Jwts.SECRET))).userId());
    }

    @Test
    void tokensWithoutExpiryAreRefused() throws Exception {
        JwtClaims claims = claims("alice");
        claims.unsetClaim("exp");
        assertEquals(RejectionReason.CLAIMS, rejection(hs256, sign(claims, "HS256", hmac(Jwts.SECRET))));
    }

    @Test
    void notBeforeAndIssuedAtInTheFuture() throws Exception {
        JwtClaims early = claims("alice");
        early.setNotBefore(Jwts.secondsFromNow(300));
        assertEquals(RejectionReason.NOT_YET_VALID, rejection(hs256, sign(early, "HS256", hmac(Jwts.SECRET))));

        JwtClaims slightlyEarly = claims("alice");
        slightlyEarly.setNotBefore(Jwts.secondsFromNow(10));
        assertEquals("alice", hs256.verify(sign(slightlyEarly, "HS256", hmac(Jwts.SECRET))).userId());

        JwtClaims issuedLater = claims("alice");
        issuedLater.setIssuedAt(Jwts.secondsFromNow(3600));
        issuedLater.setExpirationTime(Jwts.secondsFromNow(7200));
        assertEquals(RejectionReason.NOT_YET_VALID, rejection(hs256, sign(issuedLater, "HS256", hmac(Jwts.SECRET))));
    }

    @Test
    void wrongKeysAndTampering() throws Exception {
        String wrongSecret = sign(claims("alice"), "HS256", hmac("another-secret-another-secret-another-secret!!"));
        assertEquals(RejectionReason.SIGNATURE, rejection(hs256, wrongSecret));

        String signed = sign(claims("alice"), "HS256", hmac(Jwts.SECRET));
        String[] parts = signed.split("\\.");
        String tampered = parts[0] + "." + b64("{\"sub\":\"mallory\",\"exp\":9999999999}") + "." + parts[2];
        assertEquals(RejectionReason.SIGNATURE, rejection(hs256, tampered));

        String forged = sign(claims("alice"), AlgorithmIdentifiers.RSA_USING_SHA256, otherRsa.getPrivate());
        assertEquals(RejectionReason.SIGNATURE, rejection(publicKey(rsa, "RS256"), forged));
    }

    @Test
    void unsignedTokensAreNeverAccepted() {
        String none = b64("{\"alg\":\"none\"}") + "." + b64("{\"sub\":\"alice\",\"exp\":9999999999}") + ".";
        assertEquals(RejectionReason.ALGORITHM, rejection(hs256, none));
        assertEquals(RejectionReason.ALGORITHM, rejection(publicKey(rsa, "RS256"), none));
    }

    @Test
    void algorithmsOutsideTheAllowListAreRefused() throws Exception {
        String hs = sign(claims("alice"), "HS256", hmac(Jwts.SECRET));
        assertEquals(RejectionReason.ALGORITHM, rejection(publicKey(rsa, "RS256"), hs));
        String hs512 = sign(claims("alice"), "HS512", hmac(Jwts.SECRET));
        assertEquals(RejectionReason.ALGORITHM, rejection(hs256, hs512));
    }

    @Test
    void issuerAndAudienceAreCheckedWhenConfigured() throws Exception {
        TokenVerifier strict = new JoseTokenVerifier(Jwts.settings(b -> {
            b.issuer = Optional.of("https://api.portfolio.example");
            b.audience = Optional.of("portfolio-bridge");
        }));
        JwtClaims good = claims("alice");
        good.setIssuer("https://api.portfolio.example");
        good.setAudience("portfolio-bridge");
        assertEquals("alice", strict.verify(sign(good, "HS256", hmac(Jwts.SECRET))).userId());

        JwtClaims wrongIssuer = claims("alice");
        wrongIssuer.setIssuer("https://evil.example");
        wrongIssuer.setAudience("portfolio-bridge");
        assertEquals(RejectionReason.CLAIMS, rejection(strict, sign(wrongIssuer, "HS256", hmac(Jwts.SECRET))));

        JwtClaims wrongAudience = claims("alice");
        wrongAudience.setIssuer("https://api.portfolio.example");
        wrongAudience.setAudience("someone-else");
        assertEquals(RejectionReason.CLAIMS, rejection(strict, sign(wrongAudience, "HS256", hmac(Jwts.SECRET))));
    }

    @Test
    void anAudienceIsIgnoredWhenNoneIsConfigured() throws Exception {
        JwtClaims claims = claims("alice");
        claims.setAudience("whatever");
        assertEquals("alice", hs256.verify(sign(claims, "HS256", hmac(Jwts.SECRET))).userId());
    }

    @Test
    void userIdComesFromTheConfiguredClaims() throws Exception {
        JwtClaims byUserId = claims(null);
        byUserId.setStringClaim("userId", "u-77");
        assertEquals("u-77", hs256.verify(sign(byUserId, "HS256", hmac(Jwts.SECRET))).userId());

        JwtClaims numeric = claims(null);
        numeric.setClaim("id", 42);
        assertEquals("42", hs256.verify(sign(numeric, "HS256", hmac(Jwts.SECRET))).userId());

        JwtClaims none = claims(null);
        none.setClaim("id", true);
        assertEquals(RejectionReason.CLAIMS, rejection(hs256, sign(none, "HS256", hmac(Jwts.SECRET))));

        TokenVerifier custom = new JoseTokenVerifier(Jwts.settings(b -> b.claims = List.of("uid")));
        JwtClaims withUid = claims("ignored-sub");
        withUid.setStringClaim("uid", "custom-user");
        assertEquals("custom-user", custom.verify(sign(withUid, "HS256", hmac(Jwts.SECRET))).userId());
    }

    @Test
    void devTokensVerify() throws Exception {
        String token = new DevTokenMinter(Jwts.SECRET, null, null).mint("dev-user", java.time.Duration.ofMinutes(5), null);
        AuthenticatedUser user = hs256.verify(token);
        assertEquals("dev-user", user.userId());
        long lifetime = user.expiresAt().getEpochSecond() - java.time.Instant.now().getEpochSecond();
        assertEquals(300, lifetime, 5);
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
