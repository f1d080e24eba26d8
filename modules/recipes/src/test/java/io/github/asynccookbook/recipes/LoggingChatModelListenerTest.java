package io.github.asynccookbook.recipes;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** One request line and one response or error line per call, with the tokens the simulator counted. */
class LoggingChatModelListenerTest {

    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(0.2));

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void logsRequestResponseAndErrorWithTokensAndTime(String provider) {
        List<String> lines = new CopyOnWriteArrayList<>();
        StreamingChatModel model = ProviderSet.forSimulator(sim.simulator()).get(provider).streamingChatModel(
                ModelOptions.builder().listener(new LoggingChatModelListener(lines::add)).build());

        AsyncChat.chatAsync(model, "Why log?").join();
        catchThrowable(() -> AsyncChat.chatAsync(model, "Fail [sim:fault=500]").join());

        RequestRecord served = sim.simulator().stats().requests().getFirst();
        String modelName = served.model();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("#1 request  " + modelName + "  \\w+  1 messages, 0 tools");
        assertThat(lines.get(1)).matches("#1 response " + modelName + "  [\\d,]+ ms  tokens "
                + served.promptTokens() + " in / " + served.tokensSent() + " out  finish STOP");
        assertThat(lines.get(2)).startsWith("#2 request  " + modelName);
        assertThat(lines.get(3)).matches("#2 error    " + modelName + "  [\\d,]+ ms  InternalServerException: .*");
    }
}
