package io.github.asynccookbook.recipes;

import dev.langchain4j.data.message.ChatMessageType;
import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.MessageRecord;
import io.github.asynccookbook.simulator.MessageRecord.Role;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A session's history goes out with each turn, stays within its window, and is gone once the session closes. */
class ChatSessionTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    private static ChatModel model(String provider) {
        return ProviderSet.forSimulator(sim.simulator()).get(provider).chatModel();
    }

    private static List<RequestRecord> requests() {
        return sim.simulator().stats().requests();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void eachTurnSendsTheHistoryAndClosingClearsIt(String provider) {
        var service = new ChatSession.Service(model(provider), "You are a librarian.", 10);
        ChatSession session = service.open();
        try (session) {
            String first = session.send("My name is Ada.");
            session.sendAsync("What is my name?").block();

            assertThat(requests()).hasSize(2);
            assertThat(requests().get(1).messages()).extracting(MessageRecord::role)
                    .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.USER);
            assertThat(requests().get(1).messages()).extracting(MessageRecord::text)
                    .containsExactly("You are a librarian.", "My name is Ada.", first, "What is my name?");
            assertThat(session.history()).extracting(m -> m.type()).containsExactly(ChatMessageType.SYSTEM,
                    ChatMessageType.USER, ChatMessageType.AI, ChatMessageType.USER, ChatMessageType.AI);
            assertThat(service.holdsMemoryOf(session.id())).isTrue();
            assertThat(service.openSessions()).isOne();
        }

        assertThat(service.openSessions()).isZero();
        assertThat(session.history()).isEmpty();
        assertThat(service.holdsMemoryOf(session.id())).isFalse();
        assertThatThrownBy(() -> session.send("Still there?")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(requests()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void theWindowBoundsWhatEachTurnSends(String provider) {
        var service = new ChatSession.Service(model(provider), "You are a librarian.", 4);
        try (ChatSession session = service.open()) {
            for (int turn = 1; turn <= 4; turn++) {
                session.send("Turn " + turn + ".");
            }
        }

        // LangChain4j sends the memory as it was (at most 4 messages), then the new user message: up to 5.
        assertThat(requests()).extracting(request -> request.messages().size()).containsExactly(2, 4, 5, 5);
        assertThat(requests().getLast().messages()).extracting(MessageRecord::role)
                .containsExactly(Role.SYSTEM, Role.ASSISTANT, Role.USER, Role.ASSISTANT, Role.USER);
        assertThat(requests().getLast().messages(Role.USER)).extracting(MessageRecord::text)
                .containsExactly("Turn 3.", "Turn 4.");
    }
}
