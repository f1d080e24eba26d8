package io.github.asynccookbook.simulator.cli;

import io.github.asynccookbook.simulator.Fault;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Runs the simulator on its own until Ctrl-C: {@code mvn -pl modules/simulator exec:java -Dexec.args="--port 8787"}. */
@Command(name = "simulator", mixinStandardHelpOptions = true, version = "simulator 1.0",
        description = "Serves the Gemini and Mistral APIs locally with realistic latency, rate limits and faults.")
public final class SimulatorMain implements Callable<Integer> {

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "Port to bind; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8787;

    @Option(names = "--time-scale", description = "Factor on every delay and rate-limit window: 1 = real time, "
            + "0.02 = 50x faster, 0 = no delays (default: ${DEFAULT-VALUE}).")
    double timeScale = 1.0;

    @Option(names = "--tier", converter = TierConverter.class,
            description = "Rate-limit tier: free, tier1 or unlimited (default: tier1).")
    Tier tier = Tier.TIER1;

    @Option(names = "--seed", description = "Seed for content, jitter and fault rolls (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--api-key", description = "Accept only this key (both providers). Default: any non-empty key.")
    String apiKey;

    @Option(names = "--fault-500", paramLabel = "RATE", description = "Share of requests answered 500.")
    double internal;

    @Option(names = "--fault-503", paramLabel = "RATE", description = "Share of requests answered 503 (overloaded).")
    double overloaded;

    @Option(names = "--fault-429", paramLabel = "RATE", description = "Share of requests answered 429.")
    double rateLimited;

    @Option(names = "--fault-stall-headers", paramLabel = "RATE", description = "Share of requests that stall before headers.")
    double stallHeaders;

    @Option(names = "--fault-stall-stream", paramLabel = "RATE", description = "Share of streams that stall half way.")
    double stallStream;

    @Option(names = "--fault-drop-stream", paramLabel = "RATE", description = "Share of streams whose connection drops half way.")
    double dropStream;

    @Option(names = "--stall", paramLabel = "SECONDS", description = "How long a stall lasts, in model time (default: ${DEFAULT-VALUE}).")
    double stallSeconds = 120;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "Close a keep-alive connection that sends no request for this long (default: ${DEFAULT-VALUE}).")
    double idleTimeoutSeconds = 60;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", description = "Close a connection whose request takes "
            + "longer than this to arrive, from its first byte to the end of its body (default: ${DEFAULT-VALUE}).")
    double readTimeoutSeconds = 30;

    private static final double DAY_SECONDS = 86_400;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), new CountDownLatch(1)));
    }

    /** Parses, starts, prints the endpoints and waits for {@code stop}; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err, CountDownLatch stop) {
        var main = new SimulatorMain();
        main.stop = stop;
        main.out = out;
        return new CommandLine(main).setOut(out).setErr(err)
                .setParameterExceptionHandler((e, given) -> {
                    e.getCommandLine().getErr().println(e.getMessage() + " (see --help)");
                    return 2;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("simulator: could not start on " + main.host + ":" + main.port + ": "
                            + StartFailure.reason(e));
                    return 1;
                })
                .execute(args);
    }

    @Spec
    private CommandSpec spec;
    private CountDownLatch stop;
    private PrintWriter out;

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Simulator simulator = Simulator.start(config)) {
            var onCtrlC = new Thread(() -> {
                stop.countDown();
                simulator.close();
            }, "simulator-shutdown");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            out.print(Banner.of(simulator, apiKey == null ? "any-key" : "$KEY"));
            out.flush();
            stop.await();
            removeHook(onCtrlC);
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Stopped by Ctrl-C: the hook is running already.
        }
    }

    SimulatorConfig config() {
        if (apiKey != null && apiKey.isBlank()) {
            throw new IllegalArgumentException("--api-key must not be blank (leave it out to accept any key)");
        }
        var builder = SimulatorConfig.defaults().toBuilder()
                .host(host).port(port).timeScale(timeScale).tier(tier).seed(seed)
                .geminiApiKey(apiKey).mistralApiKey(apiKey)
                .stallDuration(seconds("--stall", stallSeconds, 0))
                .idleTimeout(seconds("--idle-timeout", idleTimeoutSeconds, 0.001))
                .requestReadTimeout(seconds("--read-timeout", readTimeoutSeconds, 0.001));
        builder.faultRate(Fault.INTERNAL, internal).faultRate(Fault.OVERLOADED, overloaded)
                .faultRate(Fault.RATE_LIMITED, rateLimited).faultRate(Fault.STALL_BEFORE_HEADERS, stallHeaders)
                .faultRate(Fault.STALL_MID_STREAM, stallStream).faultRate(Fault.DROP_MID_STREAM, dropStream);
        return builder.build();
    }

    /** A number of seconds from {@code min} to one day, or a one-line complaint naming the option. */
    private static Duration seconds(String option, double value, double min) {
        if (!(value >= min && value <= DAY_SECONDS)) {   // NaN fails both
            throw new IllegalArgumentException(option + " must be a number of seconds from " + (min == 0 ? "0" : min)
                    + " to " + (long) DAY_SECONDS + ", got " + value);
        }
        return Duration.ofNanos(Math.round(value * 1e9));
    }

    static final class TierConverter implements CommandLine.ITypeConverter<Tier> {
        @Override
        public Tier convert(String value) {
            try {
                return Tier.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
