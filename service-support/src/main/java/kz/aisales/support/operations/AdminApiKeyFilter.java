package kz.aisales.support.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every REST call that changes something (any method but GET, HEAD and OPTIONS), and every read under
 * {@code admin.protected-read-paths} (both services: everything, so no customer data answers without credentials),
 * needs {@code ADMIN_API_KEY}, as {@code X-API-Key} or as {@code Authorization: Bearer ...} (what a Prometheus scraper
 * sends); a wrong or missing key gets 401 and changes or shows nothing. With no key configured every such call is
 * refused, like the consoles without a password. Paths under {@code admin.open-paths} are not looked at:
 * {@code /health}, the consoles (their own login) and the gateway's Wappi webhook (its own secret). A path matches a
 * prefix when it equals it or continues it after a {@code /}.
 */
class AdminApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final byte[] key;
    private final List<String> openPaths;
    private final List<String> protectedReadPaths;

    AdminApiKeyFilter(AdminProperties admin) {
        this.key = admin.apiKey().getBytes(StandardCharsets.UTF_8);
        this.openPaths = admin.openPaths();
        this.protectedReadPaths = admin.protectedReadPaths();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        if (openPaths.stream().anyMatch(prefix -> under(path, prefix))) {
            return true;
        }
        boolean reading = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        return reading && protectedReadPaths.stream().noneMatch(prefix -> under(path, prefix));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (key.length == 0) {
            refuse(response, "ADMIN_API_KEY is not configured on this service: every call but /health is refused");
            return;
        }
        if (!same(request.getHeader(HEADER)) && !same(bearer(request.getHeader("Authorization")))) {
            refuse(response, "a valid X-API-Key header is required");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    private boolean same(String given) {
        return given != null && MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : null;
    }

    private static void refuse(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"" + reason + "\"}");
    }
}
