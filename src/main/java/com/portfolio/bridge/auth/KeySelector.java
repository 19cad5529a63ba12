package com.portfolio.bridge.auth;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PublicKey;
import java.util.List;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Picks the verification key by the token's algorithm: the shared secret for HS*, otherwise
 * the PEM public key, otherwise the JWKS (jose4j caches it and refetches on an unknown kid).
 */
final class KeySelector implements VerificationKeyResolver {

    private final java.util.Set<String> allowed;
    private final Key hmacKey;
    private final PublicKey publicKey;
    private final HttpsJwksVerificationKeyResolver jwks;

    /** Unknown-kid refetches closer together than this reuse the last fetch: tokens with random kids cannot hammer the IdP. */
    static final long JWKS_REFETCH_REPRIEVE_MS = 1_000;

    KeySelector(JwtSettings settings, long jwksRefetchReprieveMs) {
        this.allowed = settings.algorithms();
        this.hmacKey = settings.secret().map(s -> new HmacKey(s.getBytes(StandardCharsets.UTF_8))).orElse(null);
        this.publicKey = settings.publicKeyPem().map(PemKeys::parsePublicKey).orElse(null);
        this.jwks = settings.jwksUrl().map(url -> {
            HttpsJwks source = new HttpsJwks(url.toString());
            source.setDefaultCacheDuration(JwtSettings.JWKS_REFRESH.toSeconds());
            source.setRefreshReprieveThreshold(jwksRefetchReprieveMs);
            return new HttpsJwksVerificationKeyResolver(source);
        }).orElse(null);
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        String algorithm = jws.getAlgorithmHeaderValue();
        if (!allowed.contains(algorithm)) {
            // Checked before any key lookup, so "none" or an unlisted alg is reported as such.
            UnresolvableKeyException refused = new UnresolvableKeyException("algorithm not allowed: " + algorithm);
            refused.initCause(new InvalidAlgorithmException("algorithm not allowed: " + algorithm));
            throw refused;
        }
        if (algorithm != null && algorithm.startsWith("HS")) {
            if (hmacKey == null) {
                throw new UnresolvableKeyException("no shared secret configured for " + algorithm);
            }
            return hmacKey;
        }
        if (publicKey != null) {
            return publicKey;
        }
        if (jwks != null) {
            return jwks.resolveKey(jws, nestingContext);
        }
        throw new UnresolvableKeyException("no public key configured for " + algorithm);
    }
}
