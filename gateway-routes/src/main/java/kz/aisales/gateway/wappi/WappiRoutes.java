package kz.aisales.gateway.wappi;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The Wappi HTTP adapter: one small route per operation. Input: the JSON payload in the body (or none),
 * query parameters in the {@link WappiRequests#QUERY} header and, to use another method than the documented one, the
 * {@link WappiRequests#METHOD} header. Output: Wappi's answer as a {@code JsonNode}, or a {@link WappiException}.
 * Errors propagate to the caller, whose error policy decides on retries (a retry re-runs the whole call).
 */
@Component
public class WappiRoutes extends RouteBuilder {

    private static final String OPTIONS = "?throwExceptionOnFailure=false&headerFilterStrategy=#wappiHeaderFilter";

    @Override
    public void configure() {
        // the vendor documents POST for chats/get; WappiClient falls back to GET on a 405
        call("wappi-chats", "POST", "chats/get", "{{wappi.base-url}}/api/sync/chats/get" + OPTIONS);
        call("wappi-messages", "GET", "messages/get", "{{wappi.base-url}}/api/sync/messages/get" + OPTIONS);
        call("wappi-message-send", "POST", "message/send", "{{wappi.base-url}}/api/sync/message/send" + OPTIONS);
        call("wappi-message-reply", "POST", "message/reply", "{{wappi.base-url}}/api/sync/message/reply" + OPTIONS);
        call("wappi-mark-read", "POST", "message/mark/read", "{{wappi.base-url}}/api/sync/message/mark/read" + OPTIONS);
        // seen in third-party code, not in the vendor's documentation: used only while it works (Typing)
        call("wappi-typing-start", "POST", "chat/typing/start", "{{wappi.base-url}}/api/sync/chat/typing/start" + OPTIONS);
        call("wappi-media-download", "GET", "message/media/download",
                "{{wappi.base-url}}/api/sync/message/media/download" + OPTIONS);
        call("wappi-status", "GET", "get/status", "{{wappi.base-url}}/api/sync/get/status" + OPTIONS);
        call("wappi-webhook-url-set", "POST", "webhook/url/set", "{{wappi.base-url}}/api/webhook/url/set" + OPTIONS);
        call("wappi-webhook-types-set", "POST", "webhook/types/set", "{{wappi.base-url}}/api/webhook/types/set" + OPTIONS);
    }

    private void call(String routeId, String method, String operation, String uri) {
        from("direct:" + routeId).routeId(routeId).routeConfigurationId("propagate-errors")
                .removeHeaders("CamelHttp*")
                .setHeader(Exchange.HTTP_METHOD, header(WappiRequests.METHOD).convertToString())
                .filter(header(Exchange.HTTP_METHOD).isNull())
                    .setHeader(Exchange.HTTP_METHOD, constant(method))
                .end()
                .removeHeader(WappiRequests.METHOD)
                .setHeader(WappiResponses.OPERATION, constant(operation))
                .bean(WappiRequests.class, "prepare")
                .doTry()
                    .to(uri).id(routeId + "-call")
                .doFinally()
                    .removeHeader("Authorization")
                .end()
                .bean(WappiResponses.class, "check");
    }
}
