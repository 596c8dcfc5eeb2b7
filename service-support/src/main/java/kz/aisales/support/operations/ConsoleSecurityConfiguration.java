package kz.aisales.support.operations;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hawtio ({@code /actuator/hawtio}) and Jolokia ({@code /actuator/jolokia}) need the operator's HTTP Basic
 * credentials; with no {@code HAWTIO_PASSWORD} they refuse everyone. Everything else but {@code /health} (and the
 * gateway's webhook, which has its own secret) needs {@code ADMIN_API_KEY}, reads included ({@link AdminApiKeyFilter}):
 * the REST endpoints and {@code /actuator/prometheus} alike.
 * What the operator may do through Jolokia is Jolokia's policy ({@code jolokia-access.xml}: reads and a few route
 * operations); a console request from a page of another origin is refused ({@link ConsoleOriginFilter}).
 * CSRF protection applies to the consoles only (Hawtio's front end echoes the {@code XSRF-TOKEN} cookie in
 * {@code X-XSRF-TOKEN}); the REST API holds no session or cookie to abuse, so it has none.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    static final String ROLE = "OPERATOR";

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
            LOG.warn("ADMIN_API_KEY is not set: every REST call but /health is refused (401) until it is");
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
                .formLogin(form -> form.disable())
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request ->
                                CONSOLES.matches(request) && !"GET".equals(request.getMethod())
                                        && !"HEAD".equals(request.getMethod()) && !"OPTIONS".equals(request.getMethod()))
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), org.springframework.security.web.csrf.CsrfFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .withObjectPostProcessor(EAGER_HEADERS))
                .requestCache(cache -> cache.disable())
                .anonymous(Customizer.withDefaults());
        return http.build();
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

    /** Writes the {@code XSRF-TOKEN} cookie on console pages, so Hawtio can send it back. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (CONSOLES.matches(request)) {
                CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
                if (token != null) {
                    token.getToken();
                }
            }
            chain.doFilter(request, response);
        }
    }
}
