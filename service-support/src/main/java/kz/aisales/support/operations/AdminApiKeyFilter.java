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
 * {@code admin.protected-read-paths}, needs the {@code X-API-Key} header to equal {@code ADMIN_API_KEY}; a wrong or
 * missing key gets 401 and changes (or shows) nothing. With no key configured every such call is refused, like the
 * consoles without a password. Paths under {@code admin.open-paths} ({@code /actuator/}, whose consoles have their
 * own login, and the gateway's Wappi webhook, which has its own secret) are not looked at.
 */
class AdminApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

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
        if (openPaths.stream().anyMatch(path::startsWith)) {
            return true;
        }
        boolean reading = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        return reading && protectedReadPaths.stream().noneMatch(path::startsWith);
    }
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (key.length == 0) {
            refuse(response, "ADMIN_API_KEY is not configured on this service: calls that change data are refused");
            return;
        }
        String given = request.getHeader(HEADER);
        if (given == null || !MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            refuse(response, "a valid X-API-Key header is required");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"" + reason + "\"}");
    }
}
