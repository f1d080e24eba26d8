package io.github.asynccookbook.simulator.junit;

import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.UnaryOperator;

/**
 * Gives a test class a running simulator, fast and unthrottled by default ({@link #TEST_DEFAULTS}), reset before
 * each test so every test reads its own ground truth. Inject it as a {@link Simulator} parameter, or keep the
 * extension in a static field and call {@link #simulator()}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static SimulatorExtension sim = SimulatorExtension.configured(c -> c.tier(Tier.FREE));
 * }</pre>
 */
public final class SimulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    /** 50x faster than real time, no rate limits, seed 42. */
    public static final SimulatorConfig TEST_DEFAULTS =
            SimulatorConfig.defaults().toBuilder().timeScale(0.02).tier(Tier.UNLIMITED).build();

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulatorExtension.class);

    private final SimulatorConfig config;
    private volatile Simulator simulator;

    /** For {@code @ExtendWith(SimulatorExtension.class)}: the test defaults. */
    public SimulatorExtension() {
        this(TEST_DEFAULTS);
    }

    private SimulatorExtension(SimulatorConfig config) {
        this.config = config;
    }

    public static SimulatorExtension withConfig(SimulatorConfig config) {
        return new SimulatorExtension(config);
    }

    /** The test defaults, changed by {@code customizer}. */
    public static SimulatorExtension configured(UnaryOperator<SimulatorConfig.Builder> customizer) {
        return new SimulatorExtension(customizer.apply(TEST_DEFAULTS.toBuilder()).build());
    }

    public Simulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator starts before the first test; register the extension in a static field");
        }
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        start(context);
        awaitQuiet(simulator);
        simulator.reset();
    }

    /**
     * A client can have its whole answer a moment before the simulator books the request as complete; waiting
     * (at most two seconds) keeps the previous test's last requests out of this test's maximum in flight.
     */
    private static void awaitQuiet(Simulator simulator) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
        while (simulator.stats().inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private synchronized void start(ExtensionContext context) {
        if (simulator == null) {
            Simulator started = Simulator.start(config);
            simulator = started;
            // Closed with the context that started it: the class, or the method for a non-static field.
            context.getStore(NAMESPACE).put(this, (AutoCloseable) () -> {
                started.close();
                simulator = null;
            });
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Simulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        start(context);
        return simulator;
    }
}
