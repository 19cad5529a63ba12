package com.portfolio.bridge.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** CORS headers for allow-listed origins only, never "*" with credentials (the library's default). */
final class Cors {

    private Cors() {
    }

    /** @return true if the request's origin may read the response cross-site */
    static boolean apply(OriginPolicy origins, HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (!origins.allowsCrossSite(origin)) {
            return false;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Allow-Credentials", "true");
        response.addHeader("Vary", "Origin");
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization");
            response.setHeader("Access-Control-Max-Age", "600");
        }
        return true;
    }
}
