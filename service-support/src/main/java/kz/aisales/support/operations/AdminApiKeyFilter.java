package kz.aisales.support.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call, reads included, needs {@code ADMIN_API_KEY} as {@code X-API-Key} or as {@code Authorization: Bearer ...}
 * (what a Prometheus scraper sends), or an operator who logged in (the console's session, or HTTP Basic); a wrong key
 * or none gets 401 and changes or shows nothing, so no customer data answers without credentials. A key that is sent
 * must be right, whoever is logged in. With no key configured only a logged-in operator gets through. Paths matching
 * {@code admin.open-paths} (Ant-style patterns) are not looked at: {@code /health}, the consoles (their own login),
 * what the console's login page needs, and the gateway's Wappi webhook (its own secret).
 */
class AdminApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final byte[] key;
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final List<String> openPaths;

    AdminApiKeyFilter(AdminProperties admin) {
        this.key = admin.apiKey().getBytes(StandardCharsets.UTF_8);
        this.openPaths = admin.openPaths();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        if ("/".equals(path) && !asksForPage(request)) {
            // the root is a page for a browser but the service's description for any other client: a read like any other
            return false;
        }
        return openPaths.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    /** What a browser sends when it opens a page: {@code Accept} names {@code text/html}. */
    static boolean asksForPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = presentedKey(request);
        if (given == null && operatorLoggedIn()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.length == 0) {
            refuse(response, "ADMIN_API_KEY is not configured on this service: every call but /health needs an operator's login");
            return;
        }
        if (!same(given)) {
            refuse(response, "a valid X-API-Key header (or an operator's login) is required");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The key the caller sent, as {@code X-API-Key} or as a bearer token; null if none. */
    static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        return header != null ? header : bearer(request.getHeader("Authorization"));
    }

    private static boolean operatorLoggedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + ConsoleSecurityConfiguration.ROLE).equals(authority.getAuthority()));
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
