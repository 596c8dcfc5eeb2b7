package kz.aisales.agent.knowledge;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code knowledge-load}: every .pdf/.txt/.md file in the knowledge-base folder, at start and whenever it
 * is added or changed (the idempotent key includes size and modification time), is extracted (camel-pdf
 * for PDFs) and re-indexed. {@code knowledge-prune}: passages of removed files are dropped.
 */
@Component
public class KnowledgeRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{knowledge.path}}?noop=true&recursive=true&includeExt=pdf,txt,md"
                + "&idempotentKey=${file:name}-${file:size}-${file:modified}&delay={{knowledge.poll-interval-ms}}")
                .routeId("knowledge-load").routeConfigurationId("knowledge-skip")
                .choice()
                    .when(header("CamelFileName").regex("(?i).*\\.pdf"))
                        .convertBodyTo(byte[].class)
                        .to("pdf:extractText")
                    .otherwise()
                        .convertBodyTo(String.class, "UTF-8")
                .end()
                .bean(KnowledgeIndexer.class, "index");

        from("scheduler:knowledge-prune?delay={{knowledge.poll-interval-ms}}").routeId("knowledge-prune").routeConfigurationId("tick-errors")
                .bean(KnowledgeIndexer.class, "pruneMissing");
    }
}
