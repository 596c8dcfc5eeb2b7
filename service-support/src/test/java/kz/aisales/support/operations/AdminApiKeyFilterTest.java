package kz.aisales.support.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class AdminApiKeyFilterTest {

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void withNoKeyConfiguredEveryCallIsRefusedWhateverItCarries() throws Exception {
        MockHttpServletResponse response = filter("", "POST", "/anything", "");

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("ADMIN_API_KEY is not configured");
        assertThat(filter("", "DELETE", "/anything", null).getStatus()).isEqualTo(401);
        assertThat(filter("", "GET", "/stats", null).getStatus()).isEqualTo(401);
    }

    @Test
    void everyReadButHealthAndTheConsolesNeedsTheKey() throws Exception {
        assertThat(filter("k-1", "GET", "/contacts", null).getStatus()).isEqualTo(401);
        assertThat(filter("k-1", "GET", "/contacts", "k-1").getStatus()).isEqualTo(200);
        assertThat(filter("", "GET", "/health", null).getStatus()).isEqualTo(200);
        assertThat(filter("", "GET", "/actuator/hawtio/index.html", null).getStatus()).isEqualTo(200);
        assertThat(filter("k-1", "GET", "/healthz", null).getStatus()).isEqualTo(401);
    }

    @Test
    void theKeyMayComeAsABearerToken() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.addHeader("Authorization", "Bearer k-1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new AdminApiKeyFilter(new AdminProperties("k-1", null)).doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void theConfiguredKeyLetsAChangeThroughAndAnyOtherIsRefused() throws Exception {
        assertThat(filter("k-1", "PUT", "/anything", "k-1").getStatus()).isEqualTo(200);
        assertThat(filter("k-1", "PUT", "/anything", "k-2").getStatus()).isEqualTo(401);
        assertThat(filter("k-1", "PUT", "/anything", null).getStatus()).isEqualTo(401);
    }

    @Test
    void aLoggedInOperatorNeedsNoKeyButAWrongKeyIsStillRefused() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", "p", "ROLE_OPERATOR"));

        assertThat(filter("k-1", "GET", "/contacts", null).getStatus()).isEqualTo(200);
        assertThat(filter("", "POST", "/contacts/7701/pause", null).getStatus()).isEqualTo(200);
        assertThat(filter("k-1", "GET", "/contacts", "k-2").getStatus()).isEqualTo(401);
    }

    @Test
    void someoneLoggedInWithoutTheOperatorRoleIsNoOperator() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("guest", "p", "ROLE_USER"));

        assertThat(filter("k-1", "GET", "/contacts", null).getStatus()).isEqualTo(401);
    }

    @Test
    void openPathsArePatternsAndTheRootIsOnlyTheRoot() throws Exception {
        AdminProperties admin = new AdminProperties("k-1", List.of("/", "/console/**", "/webhooks/**"));

        assertThat(filter(admin, "POST", "/webhooks/wappi", null).getStatus()).isEqualTo(200);
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/");
        page.addHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        MockHttpServletResponse pageResponse = new MockHttpServletResponse();
        new AdminApiKeyFilter(admin).doFilter(page, pageResponse, new MockFilterChain());
        assertThat(pageResponse.getStatus()).as("the console's page").isEqualTo(200);
        assertThat(filter(admin, "GET", "/", null).getStatus()).as("the service's description, to curl").isEqualTo(401);
        assertThat(filter(admin, "GET", "/console/app.js", null).getStatus()).isEqualTo(200);
        assertThat(filter(admin, "GET", "/contacts", null).getStatus()).isEqualTo(401);
        assertThat(filter(admin, "POST", "/whitelist", null).getStatus()).isEqualTo(401);
    }

    private static MockHttpServletResponse filter(String configured, String method, String path, String given)
            throws Exception {
        return filter(new AdminProperties(configured, null), method, path, given);
    }

    private static MockHttpServletResponse filter(AdminProperties admin, String method, String path, String given)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (given != null) {
            request.addHeader(AdminApiKeyFilter.HEADER, given);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new AdminApiKeyFilter(admin).doFilter(request, response, chain);
        assertThat(chain.getRequest() != null).isEqualTo(response.getStatus() == 200);
        return response;
    }
}
