package kz.aisales.agent.knowledge;

import kz.aisales.agent.config.ApiProblem;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/**
 * The knowledge base over REST (the console's knowledge page): the files and their passages, upload (the file as the
 * raw body) and delete, and the passages retrieval finds for a question.
 */
@Component
public class KnowledgeApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/knowledge").produces("application/json")
                .get("/files").to("direct:api-knowledge-files")
                .put("/files/{name}").bindingMode(RestBindingMode.off)
                    .consumes("application/pdf,text/plain,text/markdown,application/octet-stream")
                    .to("direct:api-knowledge-upload")
                .delete("/files/{name}").to("direct:api-knowledge-delete")
                .get("/search").param().name("q").type(RestParamType.query).description("a customer's question").endParam()
                    .to("direct:api-knowledge-search");

        from("direct:api-knowledge-files").routeId("api-knowledge-files").routeConfigurationId("api-errors")
                .bean(KnowledgeFiles.class, "list");
        from("direct:api-knowledge-upload").routeId("api-knowledge-upload").routeConfigurationId("api-errors")
                .setProperty(ApiProblem.UNBOUND, constant(true))
                .convertBodyTo(byte[].class)
                .bean(KnowledgeFiles.class, "store")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .marshal().json();
        from("direct:api-knowledge-delete").routeId("api-knowledge-delete").routeConfigurationId("api-errors")
                .bean(KnowledgeFiles.class, "delete");
        from("direct:api-knowledge-search").routeId("api-knowledge-search").routeConfigurationId("api-errors")
                .bean(KnowledgeFiles.class, "find");
    }
}
