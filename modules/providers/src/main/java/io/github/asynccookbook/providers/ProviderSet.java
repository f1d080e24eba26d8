package io.github.asynccookbook.providers;

import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.Simulator;

import java.net.URI;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Gemini and Mistral providers of one configuration, sharing one simulator. {@link #of} starts its own
 * simulator on first use of a simulated provider and stops it on {@link #close()} or at JVM exit;
 * {@link #forSimulator} uses the caller's simulator and leaves it running.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.start(SimulatorConfig.defaults().toBuilder().timeScale(0.02).build())) {
 *     ChatModel model = ProviderSet.forSimulator(sim).gemini().chatModel();
 * }
 * }</pre>
 */
public final class ProviderSet implements AutoCloseable {

    private final ProviderSettings settings;
    private final Simulator callersSimulator;
    private final Consumer<String> announcer;
    private final Set<Protocol> announced = EnumSet.noneOf(Protocol.class);
    private final Map<String, Simulator> connected = new HashMap<>();
    private Simulator ownSimulator;
    private Thread shutdownHook;

    private ProviderSet(ProviderSettings settings, Simulator callersSimulator, Consumer<String> announcer) {
        this.settings = settings;
        this.callersSimulator = callersSimulator;
        this.announcer = announcer;
    }

    /** Providers as the settings say, with a simulator of their own for the simulated ones. */
    public static ProviderSet of(ProviderSettings settings) {
        return new ProviderSet(settings, null, line -> { });
    }

    /** Like {@link #of}, and prints each provider's {@link Provider#describe()} line the first time it is used. */
    static ProviderSet announcing(ProviderSettings settings) {
        return new ProviderSet(settings, null, System.out::println);
    }

    /** Both providers simulated by the given simulator, with the default model names; ignores .env and the environment. */
    public static ProviderSet forSimulator(Simulator simulator) {
        return new ProviderSet(ProviderSettings.from(Map.of("LLM_MODE", "simulator")), simulator,
                line -> { });
    }

    public ProviderSettings settings() {
        return settings;
    }

    public Provider gemini() {
        return get(Protocol.GEMINI);
    }

    public Provider mistral() {
        return get(Protocol.MISTRAL);
    }

    /**
     * One vendor's provider; a simulated one starts the shared simulator if it is not running yet.
     *
     * @throws ProviderConfigException when live mode has no key for it
     */
    public synchronized Provider get(Protocol protocol) {
        Provider provider = create(protocol);
        if (announced.add(protocol)) {
            announcer.accept(provider.describe());
        }
        return provider;
    }

    /**
     * The provider for a {@code --provider} value, {@code gemini} or {@code mistral}.
     *
     * @throws ProviderConfigException for any other name
     */
    public Provider get(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "gemini" -> gemini();
            case "mistral" -> mistral();
            default -> throw new ProviderConfigException(
                    "unknown provider '%s': use gemini or mistral".formatted(name));
        };
    }

    /**
     * The providers for a {@code --provider} value: {@code gemini}, {@code mistral} or {@code both}.
     *
     * @throws ProviderConfigException for any other value
     */
    public List<Provider> select(String choice) {
        return switch (choice.trim().toLowerCase(Locale.ROOT)) {
            case "gemini" -> List.of(gemini());
            case "mistral" -> List.of(mistral());
            case "both" -> List.of(gemini(), mistral());
            default -> throw new ProviderConfigException(
                    "unknown provider '%s': use gemini, mistral or both".formatted(choice));
        };
    }

    /**
     * One {@link Provider#describe()} line per provider. A provider that cannot be used says why instead, so this
     * never throws for a missing key.
     */
    public String describe() {
        return Stream.of(Protocol.values()).map(this::describe).collect(Collectors.joining(System.lineSeparator()));
    }

    private String describe(Protocol protocol) {
        try {
            return create(protocol).describe();
        } catch (ProviderConfigException e) {
            return "%-7s : %s  unavailable: %s".formatted(protocol.displayName(),
                    settings.vendor(protocol).mode().id(), e.getMessage());
        }
    }

    private Provider create(Protocol protocol) {
        VendorSettings vendor = settings.vendor(protocol);
        return switch (vendor.mode()) {
            case LIVE -> Provider.live(vendor);
            case SIMULATOR -> Provider.simulated(vendor, vendor.baseUrlOverride()
                    .map(this::runningSimulator).orElseGet(this::simulator));
        };
    }

    /** A simulator another process runs, named by {@code GEMINI_BASE_URL} / {@code MISTRAL_BASE_URL}. */
    private synchronized Simulator runningSimulator(String baseUrl) {
        return connected.computeIfAbsent(origin(baseUrl), origin -> {
            try {
                return Simulator.connect(origin);
            } catch (IllegalStateException e) {
                throw new ProviderConfigException(("no simulator answers at %s: start one with 'mvn -pl"
                        + " modules/simulator exec:java', set LLM_MODE=live with a key to use it as a proxy, or unset"
                        + " the base URL").formatted(baseUrl), e);
            }
        });
    }

    private static String origin(String baseUrl) {
        URI uri = URI.create(baseUrl);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme() + "://" + uri.getHost() + ":" + port;
    }

    private synchronized Simulator simulator() {
        if (callersSimulator != null) {
            return callersSimulator;
        }
        if (ownSimulator == null) {
            ownSimulator = startSimulator();
            shutdownHook = new Thread(ownSimulator::close, "simulator-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        return ownSimulator;
    }

    private Simulator startSimulator() {
        SimulatorSettings simulator = settings.simulator();
        try {
            return Simulator.start(simulator.toConfig());
        } catch (RuntimeException e) {
            if (simulator.port() == 0) {
                throw e;
            }
            throw new ProviderConfigException("cannot start the simulator on SIM_PORT=%d (%s): pick a free port or 0 for any"
                    .formatted(simulator.port(), e.getMessage()), e);
        }
    }

    /**
     * Stops this set's own simulator, if it started one; a later simulated call starts a new one. A simulator
     * passed to {@link #forSimulator} is the caller's to close.
     */
    @Override
    public synchronized void close() {
        connected.values().forEach(Simulator::close);
        connected.clear();
        if (ownSimulator == null) {
            return;
        }
        ownSimulator.close();
        ownSimulator = null;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // the hook is running or about to: nothing left to undo
        }
        shutdownHook = null;
    }
}
