package io.github.asynccookbook.chapter01;

import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.blockhound.BlockingOperationError;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** BlockHound, installed for real in this JVM (surefire passes the JVM flag it needs), catches a blocking chat(). */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails the test, not the build
class BlockHoundTest {

    @RegisterExtension
    static SimulatorExtension sim = new SimulatorExtension();

    @BeforeAll
    static void install() {
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .contains(_05_BlockHoundCatchesBlocking.JVM_FLAG);
        _05_BlockHoundCatchesBlocking.installBlockHound();
    }

    private static ProviderModels models(String provider) {
        return ProviderModels.of(ProviderSet.forSimulator(sim.simulator()).get(provider));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void aBlockingChatOnANonBlockingThreadIsCaught(String provider) {
        var models = models(provider);

        assertThatThrownBy(() -> _05_BlockHoundCatchesBlocking.blockingOnParallel(models.chat()))
                .hasRootCauseInstanceOf(BlockingOperationError.class)
                .rootCause().hasMessage("Blocking call! jdk.internal.misc.Unsafe#park");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini", "mistral"})
    void theFixesAreNotCaught(String provider) {
        var models = models(provider);

        assertThat(_05_BlockHoundCatchesBlocking.offloadedToBoundedElastic(models.chat()).aiMessage().text())
                .isNotBlank();
        assertThat(_05_BlockHoundCatchesBlocking.nonBlockingOnParallel(models.streaming()).aiMessage().text())
                .isNotBlank();
    }
}
