package kz.aisales.support.operations;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser request to a console that comes from a page of another origin is refused (403), whatever credentials the
 * browser attaches: Jolokia would otherwise answer it with CORS headers echoing that origin, and a page the operator
 * happens to visit could read or drive the consoles with the operator's saved login. Same origin means the
 * {@code Origin} header names the host (and port) the request was sent to, as the {@code Host} header says; that
 * holds behind a proxy that keeps {@code Host}, as Render's and a plain reverse proxy's do, so it needs no list of
 * allowed origins. A request without {@code Origin} (curl, a script, a top-level navigation) is not a cross-origin
 * one and passes.
 */
class ConsoleOriginFilter extends OncePerRequestFilter {

    private final RequestMatcher consoles;

    ConsoleOriginFilter(RequestMatcher consoles) {
        this.consoles = consoles;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader("Origin") == null || !consoles.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sameOrigin(request.getHeader("Origin"), request.getHeader("Host"))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"the consoles answer pages of their own origin only\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean sameOrigin(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false;
            }
            String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return withoutDefaultPort(authority).equals(withoutDefaultPort(host.strip()));
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }

    private static String withoutDefaultPort(String authority) {
        String lower = authority.toLowerCase(Locale.ROOT);
        return lower.endsWith(":80") || lower.endsWith(":443") ? lower.substring(0, lower.lastIndexOf(':')) : lower;
    }
}
