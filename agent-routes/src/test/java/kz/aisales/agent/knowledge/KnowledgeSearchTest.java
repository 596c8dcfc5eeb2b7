package kz.aisales.agent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnowledgeSearchTest {

    @Test
    void theCustomersWordsBecomeAnAnyOfQueryWithoutOperatorsOrShortWords() {
        assertThat(KnowledgeSearch.anyOf("Сколько стоит курс? А курс -Vibe \"Coding\" OR ok'; DROP"))
                .isEqualTo("сколько or стоит or курс or vibe or coding or drop");
    }

    @Test
    void noWordsGiveAnEmptyQuery() {
        assertThat(KnowledgeSearch.anyOf("?? !! ок")).isEmpty();
    }
}
