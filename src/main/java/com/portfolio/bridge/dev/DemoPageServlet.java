package com.portfolio.bridge.dev;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The dev demo page: GET / is WEB-INF/demo/index.html, GET /demo/&lt;name&gt; one of its assets
 * (script, style, the socket.io-client the build fetched). Kept under WEB-INF so that nothing of
 * it is reachable unless this servlet is mounted, which happens in dev mode only.
 */
final class DemoPageServlet extends HttpServlet {

    /** The exact context root, and the assets. */
    static final String[] MAPPINGS = {"", "/demo/*"};
    private static final long serialVersionUID = 1L;
    private static final String PAGE = "index.html";
    private static final Map<String, String> FILES = Map.of(
            PAGE, "text/html;charset=UTF-8",
            "demo.js", "text/javascript;charset=UTF-8",
            "demo.css", "text/css;charset=UTF-8",
            "socket.io.min.js", "text/javascript;charset=UTF-8");
    // The Host header goes into the policy: only a plain host[:port] is echoed back.
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = fileName(request);
        InputStream file = name == null ? null : getServletContext().getResourceAsStream("/WEB-INF/demo/" + name);
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (file) {
            response.setContentType(FILES.get(name));
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Content-Security-Policy", policy(request.getHeader("Host")));
            file.transferTo(response.getOutputStream());
        }
    }

    /** The page for the root, a known asset under /demo/, else null. */
    private static String fileName(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (request.getServletPath().isEmpty()) {
            return "/".equals(path) ? PAGE : null;
        }
        String name = path == null ? "" : path.substring(1);
        return FILES.containsKey(name) && !PAGE.equals(name) ? name : null;
    }

    /** Same origin only; the WebSocket of that origin spelled out for browsers that read 'self' as http(s) only. */
    static String policy(String host) {
        String sockets = host != null && HOST.matcher(host).matches() ? " ws://" + host + " wss://" + host : "";
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'" + sockets
                + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }
}
