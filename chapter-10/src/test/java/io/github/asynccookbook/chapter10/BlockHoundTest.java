package io.github.asynccookbook.chapter10;

import dev.langchain4j.model.chat.ChatModel;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * No blocking call on a non-blocking thread. {@code blockhound-junit-platform} on the test classpath installs
 * BlockHound before the first test of the run (surefire passes {@code -XX:+AllowRedefinitionToAddDeleteMethods});
 * from then on a blocking call on one of Reactor's non-blocking threads throws {@link BlockingOperationError}.
 */
class BlockHoundTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    /** No retries: LangChain4j logs a retry's warning, which would be a second blocking call. */
    private static ChatModel model(String name) {
        return ProviderSet.forSimulator(sim.simulator()).get(name)
                .chatModel(ModelOptions.builder().maxRetries(0).build());
    }

    // tag::blockhound[]
    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aBlockingChatOnAParallelThreadIsCaught(String name) {
        ChatModel model = model(name);

        Throwable thrown = catchThrowable(() -> Mono.fromCallable(() -> model.chat("Hello"))
                .subscribeOn(Schedulers.parallel())   // non-blocking threads, one per core
                .block(Duration.ofSeconds(30)));

        assertThat(thrown).hasRootCauseInstanceOf(BlockingOperationError.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void theSameCallOffloadedToBoundedElasticPasses(String name) {
        ChatModel model = model(name);

        Integer length = Mono.fromCallable(() -> model.chat("Hello"))
                .subscribeOn(Schedulers.boundedElastic())   // threads meant for blocking calls
                .publishOn(Schedulers.parallel()).map(String::length)   // back on a non-blocking thread
                .block(Duration.ofSeconds(30));

        assertThat(length).isPositive();
    }
    // end::blockhound[]
}
