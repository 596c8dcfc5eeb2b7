package kz.aisales.support.operations;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One operator account ({@code OPERATOR_USER} / {@code OPERATOR_PASSWORD}, formerly {@code HAWTIO_USER} /
 * {@code HAWTIO_PASSWORD}) logs in to the console ({@code POST /login}, a session cookie; {@code POST /logout}) or
 * presents HTTP Basic credentials; with no password nobody logs in. Hawtio ({@code /actuator/hawtio}) and Jolokia
 * ({@code /actuator/jolokia}) need that login. Everything else but {@code /health}, the console's page (and the
 * gateway's webhook, which has its own secret) needs the login or {@code ADMIN_API_KEY}, reads included
 * ({@link AdminApiKeyFilter}): the REST endpoints and {@code /actuator/prometheus} alike.
 * What the operator may do through Jolokia is Jolokia's policy ({@code jolokia-access.xml}: reads and a few route
 * operations); a console request from a page of another origin is refused ({@link ConsoleOriginFilter}).
 * A change made with what a browser attaches by itself needs the CSRF token ({@link #needsCsrfToken}): the pages echo
 * the {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN}, as Hawtio's front end does.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    static final String ROLE = "OPERATOR";
    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

    private static final RequestMatcher CONSOLES = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/hawtio/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/jolokia/**"));

    /**
     * The REST DSL answers on a Camel thread (platform-http runs each call asynchronously) while the servlet thread
     * is still leaving the filter chain. Written lazily, the security headers were added at commit time on one thread
     * while the other touched the same (not thread-safe) Tomcat headers, and a call lost its answer. Written before
     * the chain, they are written by the servlet thread alone.
     */
    static final ObjectPostProcessor<HeaderWriterFilter> EAGER_HEADERS = new ObjectPostProcessor<>() {
        @Override
        public <O extends HeaderWriterFilter> O postProcess(O filter) {
            filter.setShouldWriteHeadersEagerly(true);
            return filter;
        }
    };

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleProperties console, AdminProperties admin)
            throws Exception {
        http.addFilterBefore(new AdminApiKeyFilter(admin), AuthorizationFilter.class)
                .addFilterBefore(new ConsoleOriginFilter(CONSOLES), AuthorizationFilter.class);
        if (!admin.configured()) {
            LOG.warn("ADMIN_API_KEY is not set: every REST call but /health is refused (401) unless an operator logged in");
        }
        if (!console.enabled()) {
            LOG.warn("OPERATOR_PASSWORD is not set: nobody can log in to the console, Hawtio or Jolokia until it is");
        }
        http.authorizeHttpRequests(requests -> {
                    if (console.enabled()) {
                        requests.requestMatchers(CONSOLES).hasRole(ROLE);
                    } else {
                        requests.requestMatchers(CONSOLES).denyAll();
                    }
                    requests.anyRequest().permitAll();
                })
                .httpBasic(basic -> basic.realmName("operations console"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(basicEntryPoint()))
                .formLogin(form -> form.loginPage("/").loginProcessingUrl(LOGIN).permitAll()
                        .successHandler((request, response, authentication) ->
                                json(response, HttpServletResponse.SC_OK, Map.of("user", authentication.getName())))
                        .failureHandler((request, response, failure) -> json(response, HttpServletResponse.SC_UNAUTHORIZED,
                                Map.of("error", console.enabled() ? "wrong user name or password"
                                        : "login is off: set OPERATOR_PASSWORD and restart the service"))))
                .logout(logout -> logout.logoutUrl(LOGOUT)
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.setStatus(HttpServletResponse.SC_NO_CONTENT)))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(ConsoleSecurityConfiguration::needsCsrfToken)
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), org.springframework.security.web.csrf.CsrfFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .withObjectPostProcessor(EAGER_HEADERS))
                .requestCache(cache -> cache.disable())
                .anonymous(Customizer.withDefaults());
        return http.build();
    }

    /**
     * A change a browser could be tricked into sending needs the CSRF token: anything but GET/HEAD/OPTIONS to the
     * consoles, to login and logout, and any change that rides on what a browser attaches by itself (the session
     * cookie, HTTP Basic credentials it remembers). A change carrying the API key is not one a foreign page can make
     * (it cannot set the header), and a change with no credentials at all is refused anyway (401).
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return false;
        }
        if (CONSOLES.matches(request) || LOGIN.equals(request.getServletPath()) || LOGOUT.equals(request.getServletPath())) {
            return true;
        }
        String authorization = request.getHeader("Authorization");
        boolean browserCredentials = request.getRequestedSessionId() != null
                || authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        return browserCredentials && AdminApiKeyFilter.presentedKey(request) == null;
    }

    private static AuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("operations console");
        return entryPoint;
    }

    private static void json(HttpServletResponse response, int status, Map<String, String> body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    /** A request the firewall refuses (an encoded slash, "..") is a bad request (400), not a server error. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return new HttpStatusRequestRejectedHandler(HttpServletResponse.SC_BAD_REQUEST);
    }

    /** The operator, when a password is configured; otherwise no user at all (and no generated password). */
    @Bean
    UserDetailsService consoleUsers(ConsoleProperties console) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (console.enabled()) {
            PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            users.createUser(User.withUsername(console.user()).password(encoder.encode(console.password()))
                    .roles(ROLE).build());
        }
        return users;
    }

    /** Writes the {@code XSRF-TOKEN} cookie on console pages and the login page, so their scripts can send it back. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (CONSOLES.matches(request) || "/".equals(request.getServletPath()) || "/session".equals(request.getServletPath())) {
                CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
                if (token != null) {
                    token.getToken();
                }
            }
            chain.doFilter(request, response);
        }
    }
}
