package kz.aisales.gateway.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every REST call that changes something (any method but GET, HEAD and OPTIONS, outside {@code /actuator})
 * needs the {@code X-API-Key} header to equal {@code ADMIN_API_KEY}; a wrong or missing key gets 401 and
 * changes nothing. With no key configured every such call is refused, like the consoles without a password.
 * Reading stays open, like {@code /health}, except {@code /wappi/...} (the live profile's self-check). The Wappi
 * webhook ({@code /webhooks/...}) has a secret of its own ({@code WAPPI_WEBHOOK_SECRET}).
 */
class AdminApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final byte[] key;

    AdminApiKeyFilter(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        if (path.startsWith("/actuator/") || path.startsWith("/webhooks/")) {
            return true;
        }
        boolean reading = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        return reading && !path.startsWith("/wappi/");
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
