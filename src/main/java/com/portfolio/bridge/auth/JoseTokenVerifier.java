package com.portfolio.bridge.auth;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/** Verifies JWS compact tokens with jose4j against {@link JwtSettings}. Thread-safe. */
public final class JoseTokenVerifier implements TokenVerifier {

    private final JwtSettings settings;
    private final JwtConsumer consumer;

    public JoseTokenVerifier(JwtSettings settings) {
        this(settings, KeySelector.JWKS_REFETCH_REPRIEVE_MS);
    }

    JoseTokenVerifier(JwtSettings settings, long jwksRefetchReprieveMs) {
        settings.validate();
        this.settings = settings;
        int skew = (int) settings.clockSkew().toSeconds();
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(skew)
                // iat in the future means a wrong clock or a forged token; any past iat is fine.
                .setIssuedAtRestrictions(skew, Integer.MAX_VALUE)
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                        settings.algorithms().toArray(new String[0])))
                .setVerificationKeyResolver(new KeySelector(settings, jwksRefetchReprieveMs));
        settings.issuer().ifPresent(builder::setExpectedIssuer);
        settings.audience().ifPresentOrElse(builder::setExpectedAudience, builder::setSkipDefaultAudienceValidation);
        this.consumer = builder.build();
    }

    @Override
    public AuthenticatedUser verify(String token) throws TokenRejectedException {
        if (token == null || token.isBlank()) {
            throw new TokenRejectedException(RejectionReason.MISSING, "no token");
        }
        if (token.length() > JwtSettings.MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException(RejectionReason.MALFORMED,
                    "token longer than " + JwtSettings.MAX_TOKEN_LENGTH + " characters");
        }
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw Rejections.from(e);
        }
        return new AuthenticatedUser(userId(claims), instant(claims, "exp"), instant(claims, "iat"), scopes(claims), token);
    }

    private String userId(JwtClaims claims) throws TokenRejectedException {
        for (String name : settings.userIdClaims()) {
            Object value = claims.getClaimValue(name);
            if (value instanceof String s && !s.isBlank()) {
                return s;
            }
            if (value instanceof Long || value instanceof Integer || value instanceof java.math.BigInteger) {
                return value.toString();
            }
        }
        throw new TokenRejectedException(RejectionReason.CLAIMS,
                "no user id in claims " + settings.userIdClaims());
    }

    /** OAuth's space-separated {@code scope} (RFC 8693), or {@code scp} as a list or a string. */
    private static Set<String> scopes(JwtClaims claims) {
        Set<String> scopes = new HashSet<>();
        for (String name : List.of("scope", "scp")) {
            Object value = claims.getClaimValue(name);
            if (value instanceof String s) {
                scopes.addAll(Arrays.asList(s.trim().split("\\s+")));
            } else if (value instanceof Collection<?> list) {
                list.forEach(item -> scopes.add(String.valueOf(item)));
            }
        }
        scopes.remove("");
        return scopes;
    }

    /** A NumericDate claim, null when absent (the consumer already requires exp). */
    private static Instant instant(JwtClaims claims, String name) throws TokenRejectedException {
        try {
            NumericDate date = claims.getNumericDateClaimValue(name);
            return date == null ? null : Instant.ofEpochSecond(date.getValue());
        } catch (MalformedClaimException e) {
            throw new TokenRejectedException(RejectionReason.CLAIMS, name + " is malformed");
        }
    }
}
