package com.portfolio.bridge.auth;

/** Checks a bearer token and says whose it is. Implementations are thread-safe. */
public interface TokenVerifier {

    AuthenticatedUser verify(String token) throws TokenRejectedException;
}
