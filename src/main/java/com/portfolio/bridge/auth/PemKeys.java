package com.portfolio.bridge.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads an SPKI ("BEGIN PUBLIC KEY") PEM holding an RSA or EC key. */
public final class PemKeys {

    private PemKeys() {
    }

    public static PublicKey parsePublicKey(String pem) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key PEM is not base64", e);
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("public key PEM holds neither an RSA nor an EC SubjectPublicKeyInfo");
    }
}
