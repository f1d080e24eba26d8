package io.github.asynccookbook.simulator.content;

import io.github.asynccookbook.simulator.conversation.Conversation;
import io.github.asynccookbook.simulator.conversation.FinishReason;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.conversation.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyWriterTextTest {

    private static final List<String> BENCHMARK_TOPICS = List.of("RAG vs fine-tuning", "What is LCEL?",
            "Token streaming use-cases", "Async in Python for LLM apps", "Batching requests");
    private static final int NO_CAP = 100_000;

    private final ReplyWriter writer = new ReplyWriter();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RAG vs fine-tuning           | rag, fine-tuning",
            "What is LCEL?                | lcel",
            "Token streaming use-cases    | token streaming use-cases",
            "Async in Python for LLM apps | async, python, llm",
            "Batching requests            | batching requests"})
    void bulletPointsAboutTheBenchmarkTopics(String topic, String keyWords) {
        for (long seed = 0; seed < 5; seed++) {
            Reply reply = write("Give 3 bullet points about: " + topic, seed, 120);

            List<String> lines = reply.text().lines().toList();
            assertThat(lines).hasSize(3).allSatisfy(line -> {
                assertThat(line).matches("[-*] \\S.*[.!?]");
                for (String word : keyWords.split(",\\s*")) {
                    assertThat(line.toLowerCase(Locale.ROOT)).contains(word);
                }
            });
            assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "give FIVE bullets about batching requests | 5",
            "Give 1 bullet point about: streaming      | 1",
            "GIVE TEN BULLET POINTS ABOUT: RAG          | 10",
            "Give 7 bullet points about: LCEL           | 7"})
    void asManyBulletLinesAsAskedFor(String prompt, int count) {
        Reply reply = write(prompt, 3, 60);

        assertThat(reply.text().lines()).hasSize(count).allMatch(line -> line.matches("[-*] \\S.*"));
    }

    @Test
    void explainsWhyWithAParagraphAboutTheSubject() {
        String text = write("Why do some birds migrate?", 11, 120).text();

        assertThat(text).contains("birds migrate").doesNotStartWith("-").endsWith(".");
        assertThat(text.split("\n\n")).hasSizeBetween(1, 3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Explain backpressure in reactive streams          | backpressure, reactive streams",
            "Tell me about connection pooling                  | connection pooling",
            "Compare Gemini and Mistral for summarisation      | Gemini, Mistral, summarisation",
            "How do I stream tokens with LangChain4j?          | stream tokens, LangChain4j",
            "Hello                                             | hello"})
    void otherPromptsGetAnAnswerThatMentionsTheirKeyWords(String prompt, String keyWords) {
        String text = write(prompt, 5, 100).text().toLowerCase(Locale.ROOT);

        for (String word : keyWords.split(",\\s*")) {
            assertThat(text).contains(word.toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void directivesAreNeverEchoed() {
        assertThat(write("Why is the sky blue? [sim:tokens=40] [sim:fault=none]", 1, 80).text())
                .doesNotContain("sim:").contains("sky");
    }

    @Test
    void sameSeedAndConversationGiveTheSameReply() {
        for (String topic : BENCHMARK_TOPICS) {
            String prompt = "Give 3 bullet points about: " + topic;
            assertThat(write(prompt, 42, 150)).isEqualTo(write(prompt, 42, 150));
        }
    }

    @Test
    void differentSeedsReadDifferently() {
        for (String topic : BENCHMARK_TOPICS) {
            String prompt = "Give 3 bullet points about: " + topic;
            var texts = new HashSet<String>();
            LongStream.range(0, 5).forEach(seed -> texts.add(write(prompt, seed, 150).text()));
            assertThat(texts).as(topic).hasSizeGreaterThan(3);
        }
    }

    @Test
    void differentTopicsWithTheSameSeedUseDifferentPhrasing() {
        var templates = new HashSet<String>();
        for (String topic : BENCHMARK_TOPICS) {
            String prompt = "Give 3 bullet points about: " + topic;
            String firstBullet = write(prompt, 7, 150).text().lines().findFirst().orElseThrow();
            templates.add(firstBullet.substring(2).replace(Ask.read(prompt).topic(), "X").split("\\. ")[0]);
        }
        assertThat(templates).hasSizeGreaterThan(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Why do some birds migrate?", "What is LCEL?", "How do I batch requests?",
            "Is Java faster than Python?", "Explain virtual threads", "Hello"})
    void looseLengthLandsWithinFifteenPercentAtASentenceEnd(String prompt) {
        for (int target = 10; target <= 1_500; target = target * 3 / 2) {
            for (long seed = 0; seed < 4; seed++) {
                Reply reply = write(prompt, seed, target);

                assertThat(reply.outputTokens()).as("target %d seed %d", target, seed)
                        .isBetween((int) Math.ceil(target * 0.85), (int) Math.floor(target * 1.15));
                assertThat(reply.text()).matches("(?s).*[.?!]");
            }
        }
    }

    @Test
    void exactLengthGivesExactlyTheTarget() {
        for (String prompt : List.of("Why do some birds migrate?", "Give 4 bullet points about: RAG")) {
            for (int target = 1; target <= 700; target += 13) {
                Reply reply = writer.write(conversation(prompt), target, target, true, NO_CAP);

                assertThat(reply.outputTokens()).as("target %d", target).isEqualTo(target);
                assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
            }
        }
    }

    @Test
    void aBriefSystemPromptShortensTheAnswer() {
        var briefly = new Conversation("You are terse.", List.of(new Turn.User("What is LCEL?")), List.of(),
                null, null);

        int normal = write("What is LCEL?", 1, 200).outputTokens();
        int brief = writer.write(briefly, 1, 200, false, NO_CAP).outputTokens();

        assertThat(brief).isLessThan(normal * 2 / 3);
    }

    @Test
    void aReplyOverTheCapIsCutToExactlyTheCap() {
        Reply loose = writer.write(conversation("Why do some birds migrate?"), 1, 400, false, 57);
        Reply exact = writer.write(conversation("Give 3 bullet points about: RAG"), 1, 400, true, 57);

        assertThat(loose.outputTokens()).isEqualTo(57);
        assertThat(loose.tokens()).isEqualTo(Tokens.tokenize(loose.text()));
        assertThat(loose.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(exact.outputTokens()).isEqualTo(57);
        assertThat(exact.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(writer.write(conversation("Why?"), 1, 57, true, 57).finishReason())
                .isEqualTo(FinishReason.STOP);
    }

    @Test
    void theTokensAreTheTokenizersSplitOfTheText() {
        for (String prompt : List.of("Give 3 bullet points about: Async in Python for LLM apps", "Why?", "Hi")) {
            Reply reply = write(prompt, 9, 300);

            assertThat(reply.tokens()).isEqualTo(Tokens.tokenize(reply.text()));
            assertThat(reply.toolCalls()).isEmpty();
            assertThat(reply.promptTokens()).isEqualTo(Tokens.count(conversation(prompt)));
        }
    }

    private Reply write(String prompt, long seed, int targetTokens) {
        return writer.write(conversation(prompt), seed, targetTokens, false, NO_CAP);
    }

    private static Conversation conversation(String prompt) {
        return new Conversation("", List.of(new Turn.User(prompt)), List.of(), null, null);
    }
}
