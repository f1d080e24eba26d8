package io.github.asynccookbook.chapter01;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.blockhound.BlockingOperationError;

import java.lang.management.ManagementFactory;

import static io.github.asynccookbook.chapter01._02_LoopVersusConcurrent.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** BlockHound, installed for real in this JVM (surefire passes the JVM flag it needs), catches a blocking chat(). */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails the test, not the build
class BlockHoundTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    @BeforeAll
    static void install() {
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .containsAll(_05_BlockHoundCatchesBlocking.JVM_FLAGS);
        _05_BlockHoundCatchesBlocking.installBlockHound();
    }

    private static Provider provider(String name) {
        return ProviderSet.forSimulator(sim.simulator()).get(name);
    }

    /** Without retries, as in the example: a retry's warning would be written, and caught, on the same thread. */
    private static ChatModel noRetries(Provider provider) {
        return provider.chatModel(ModelOptions.builder().maxRetries(0).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aBlockingChatOnANonBlockingThreadIsCaught(String name) {
        Throwable thrown = catchThrowable(
                () -> _05_BlockHoundCatchesBlocking.blockingOnParallel(noRetries(provider(name)), REQUEST));

        assertThat(_05_BlockHoundCatchesBlocking.blockingOperation(thrown)).get()
                .extracting(BlockingOperationError::getMessage).asString().startsWith("Blocking call! ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void theFixesAreNotCaught(String name) {
        Provider provider = provider(name);

        assertThat(_05_BlockHoundCatchesBlocking.offloadedToBoundedElastic(noRetries(provider), REQUEST)
                .aiMessage().text()).isNotBlank();
        assertThat(_05_BlockHoundCatchesBlocking.nonBlockingOnParallel(provider.streamingChatModel(), REQUEST)
                .aiMessage().text()).isNotBlank();
    }
}
