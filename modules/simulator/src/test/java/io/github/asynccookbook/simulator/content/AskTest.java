package io.github.asynccookbook.simulator.content;

import io.github.asynccookbook.simulator.content.Ask.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AskTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Give 3 bullet points about: RAG vs fine-tuning      | 3 | RAG vs fine-tuning",
            "give FIVE Bullets about Token streaming use-cases  | 5 | token streaming use-cases",
            "List seven key bullet points on: Batching requests | 7 | batching requests",
            "Give 2 bullet points about: What is LCEL?          | 2 | LCEL",
            "In ten bullets, about: Async in Python for LLM apps | 10 | async in Python for LLM apps",
            "Async in Python for LLM apps: give 4 bullet points | 4 | async in Python for LLM apps"})
    void readsBulletRequests(String prompt, int count, String topic) {
        Ask ask = Ask.read(prompt);

        assertThat(ask.kind()).isEqualTo(Kind.BULLETS);
        assertThat(ask.bullets()).isEqualTo(count);
        assertThat(ask.topic()).isEqualTo(topic);
    }

    @Test
    void capsTheNumberOfBullets() {
        assertThat(Ask.read("Give 9999 bullet points about cats").bullets()).isEqualTo(Ask.MAX_BULLETS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Why do some birds migrate?               | WHY      | Why do some birds migrate?",
            "how do I cancel a stream in my app?       | HOW      | How do you cancel a stream in your app?",
            "Is Java faster than Python?               | QUESTION | Is Java faster than Python?",
            "Context: long text here.\\nQ: Why is the sky blue? | WHY | Why is the sky blue?"})
    void restatesQuestionsFromTheAssistantsSide(String prompt, Kind kind, String question) {
        Ask ask = Ask.read(prompt.replace("\\n", "\n"));

        assertThat(ask.kind()).isEqualTo(kind);
        assertThat(ask.question()).isEqualTo(question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "What is LCEL?                                 | WHAT    | LCEL",
            "What's the weather in Paris?                  | WHAT    | the weather in Paris",
            "Please explain backpressure in reactive streams | REQUEST | backpressure in reactive streams",
            "Could you tell me about my options? [sim:tokens=40] | REQUEST | your options",
            "Summarize the following text:\\nLorem ipsum.   | REQUEST | the following text"})
    void findsTheTopic(String prompt, Kind kind, String topic) {
        Ask ask = Ask.read(prompt.replace("\\n", "\n"));

        assertThat(ask.kind()).isEqualTo(kind);
        assertThat(ask.topic()).isEqualTo(topic);
    }

    @Test
    void aLongParagraphIsReadByItsLastQuestion() {
        String filler = "The migration season starts early in the north and birds follow the coast for weeks. ";
        String prompt = filler.repeat(5) + "Do owls migrate? " + filler.repeat(5) + "Why do swallows fly south? "
                + filler.repeat(5);

        Ask ask = Ask.read(prompt);

        assertThat(ask.kind()).isEqualTo(Kind.WHY);
        assertThat(ask.question()).isEqualTo("Why do swallows fly south?");
    }

    @Test
    void aLongParagraphWithoutAQuestionIsReadByItsFirstSentenceCutToAReadableLength() {
        String prompt = "Explain " + "lorem ipsum dolor sit amet ".repeat(2_000) + ". Then something else.";

        Ask ask = Ask.read(prompt);

        assertThat(ask.kind()).isEqualTo(Kind.REQUEST);
        assertThat(ask.topic()).startsWith("lorem ipsum dolor sit amet").hasSizeLessThan(100);
    }

    @Test
    void anEmptyPromptStillHasATopic() {
        assertThat(Ask.read("  [sim:fault=503] ").topic()).isNotBlank();
    }
}
