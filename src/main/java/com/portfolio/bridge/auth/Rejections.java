package com.portfolio.bridge.auth;

import java.io.IOException;
import java.util.Objects;
import java.util.stream.Stream;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.UnresolvableKeyException;

/** Maps jose4j's failure to the one reason a client is told. */
final class Rejections {

    private Rejections() {
    }

    static TokenRejectedException from(InvalidJwtException e) {
        return new TokenRejectedException(reason(e), summary(e));
    }

    private static RejectionReason reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return RejectionReason.EXPIRED;
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return RejectionReason.NOT_YET_VALID;
        }
        if (causedBy(e, InvalidAlgorithmException.class) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return RejectionReason.ALGORITHM;
        }
        if (causedBy(e, UnresolvableKeyException.class)) {
            return causedBy(e, IOException.class) ? RejectionReason.UNAVAILABLE : RejectionReason.SIGNATURE;
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || causedBy(e, java.security.InvalidKeyException.class)
                || causedBy(e, org.jose4j.lang.InvalidKeyException.class)) {
            return RejectionReason.SIGNATURE;
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.ISSUER_INVALID)
                || e.hasErrorCode(ErrorCodes.ISSUER_MISSING) || e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
                || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING) || e.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)
                || e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)) {
            return RejectionReason.CLAIMS;
        }
        return RejectionReason.MALFORMED;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return Stream.iterate(e, Objects::nonNull, Throwable::getCause).anyMatch(type::isInstance);
    }

    private static String summary(InvalidJwtException e) {
        // jose4j's message quotes the token's content; keep only the first detail line.
        String message = e.getErrorDetails().isEmpty() ? "invalid token" : e.getErrorDetails().get(0).getErrorMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
