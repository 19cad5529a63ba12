package com.portfolio.bridge.dev;

import com.portfolio.bridge.auth.DevTokenMinter;
import com.portfolio.bridge.auth.JwtSettings;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * GET /dev/token?userId=alice[&ttlSeconds=3600] → a socket token the bridge accepts;
 * GET /dev/token?service=true[&userId=my-service] → a service token for the HTTP API (it
 * carries the required scope). Dev mode only.
 */
final class DevTokenServlet extends HttpServlet {

    static final String PATH = "/dev/token";
    private static final long serialVersionUID = 1L;
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");

    private final transient DevTokenMinter minter;
    private final String serviceScope;

    DevTokenServlet(JwtSettings settings, String serviceScope) {
        this.serviceScope = serviceScope;
        this.minter = new DevTokenMinter(settings.secret().orElseThrow(),
                settings.issuer().orElse(null), settings.audience().orElse(null));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean service = "true".equals(request.getParameter("service"));
        String userId = request.getParameter("userId");
        if (service && userId == null) {
            userId = "dev-service";
        }
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "userId: 1-128 of A-Z a-z 0-9 _ . : @ -");
            return;
        }
        long ttl = parseTtl(request.getParameter("ttlSeconds"));
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().println(minter.mint(userId, Duration.ofSeconds(ttl), service ? serviceScope : null));
    }

    private static long parseTtl(String raw) {
        try {
            long ttl = raw == null ? 3600 : Long.parseLong(raw);
            return Math.max(1, Math.min(ttl, 86_400));
        } catch (NumberFormatException e) {
            return 3600;
        }
    }
}
