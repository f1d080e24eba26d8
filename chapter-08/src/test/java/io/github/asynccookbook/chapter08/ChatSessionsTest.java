package io.github.asynccookbook.chapter08;

import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.recipes.ChatSession;
import io.github.asynccookbook.simulator.MessageRecord;
import io.github.asynccookbook.simulator.MessageRecord.Role;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.SimulatorStats;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions on one AI service, checked against the messages the simulator received for each of them. */
class ChatSessionsTest {

    private static final int SESSIONS = 200;

    /** A fifth of real latency: the 200 conversations overlap for long enough to be served together. */
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.2));

    private static ChatSession.Service service(String provider, int window) {
        return new ChatSession.Service(ProviderSet.forSimulator(sim.simulator()).get(provider).chatModel(),
                _04_ChatSessions.SYSTEM, window);
    }

    private static List<String> texts(RequestRecord request, Role role) {
        return request.messages(role).stream().map(MessageRecord::text).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void twoHundredConcurrentSessionsNeverSeeEachOthersHistory(String provider) {
        var service = service(provider, 10);
        List<List<String>> scripts = IntStream.range(0, SESSIONS).mapToObj(_04_ChatSessions::lockerScript).toList();

        List<List<String>> answers = _04_ChatSessions.conversations(service, scripts, SESSIONS).collectList()
                .block();

        assertThat(answers).hasSize(SESSIONS).allSatisfy(turns -> assertThat(turns).hasSize(2));
        List<RequestRecord> requests = sim.simulator().stats().requests();
        assertThat(requests).hasSize(2 * SESSIONS);
        assertThat(SimulatorStats.peakInFlight(requests)).as("sessions served together").isGreaterThan(10);
        // Each request belongs to the session whose locker its first user message names.
        Map<Set<String>, List<RequestRecord>> bySession = requests.stream().collect(Collectors.groupingBy(
                request -> _04_ChatSessions.lockersIn(texts(request, Role.USER).subList(0, 1))));
        assertThat(bySession).hasSize(SESSIONS).allSatisfy((locker, own) -> {
            assertThat(locker).hasSize(1);
            assertThat(own).hasSize(2);
            RequestRecord first = own.get(0);
            RequestRecord second = own.get(1);
            assertThat(texts(first, Role.USER)).hasSize(1);
            assertThat(second.messages()).extracting(MessageRecord::role)
                    .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.USER);
            assertThat(texts(second, Role.USER).getLast()).isEqualTo("Which locker is mine?");
            assertThat(_04_ChatSessions.lockersIn(second.messages().stream().map(MessageRecord::text).toList()))
                    .as("no other session's locker in this session's history").isEqualTo(locker);
        });
        assertThat(service.openSessions()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void theSecondTurnCarriesTheFirstAndANewSessionStartsEmpty(String provider) {
        var service = service(provider, 10);

        List<String> answers = _04_ChatSessions.twoTurns(service, _04_ChatSessions.TWO_TURNS.get(0),
                _04_ChatSessions.TWO_TURNS.get(1));
        _04_ChatSessions.twoTurns(service, "Hello again.", "Do you remember me?");

        List<RequestRecord> requests = sim.simulator().stats().requests();
        assertThat(requests).hasSize(4);
        assertThat(requests.get(1).messages()).extracting(MessageRecord::text).containsExactly(
                _04_ChatSessions.SYSTEM, _04_ChatSessions.TWO_TURNS.get(0), answers.get(0),
                _04_ChatSessions.TWO_TURNS.get(1));
        assertThat(requests.get(2).messages()).extracting(MessageRecord::text)
                .as("the closed session's history is gone").containsExactly(_04_ChatSessions.SYSTEM, "Hello again.");
        assertThat(service.openSessions()).isZero();
    }
}
