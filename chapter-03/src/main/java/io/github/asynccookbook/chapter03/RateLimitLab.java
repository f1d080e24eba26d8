package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import io.github.asynccookbook.providers.SimulatorSettings;
import io.github.asynccookbook.report.Durations;
import io.github.asynccookbook.simulator.Simulator;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.Tier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.time.Duration;
import java.util.List;

/**
 * The dedicated simulator the rate-limit examples run on, whatever {@code .env} says: hitting a real free tier on
 * purpose burns its daily quota, and a real minute-long window would make every run minutes long. It reads the
 * harness's {@code --tier}, {@code --time-scale} and {@code --seed} with defaults of its own: the free tier, and a
 * time scale of 0.05 so the same limits play out in seconds (a minute lasts 3 s).
 *
 * @param providers the {@code --provider} choice
 */
record RateLimitLab(Tier tier, double timeScale, long seed, String providers) {

    static final double DEFAULT_TIME_SCALE = 0.05;

    /** What an example does on the lab: its simulator and the chosen providers on it. */
    @FunctionalInterface
    interface Work {
        void run(Simulator simulator, List<Provider> providers) throws Exception;
    }

    /** The lab the command line asks for; a tier without limits or a time scale of 0 is a usage error. */
    static RateLimitLab of(CommandSpec spec, ProviderOptions options) {
        SimulatorSettings settings = options.simulator().settings(Tier.FREE).simulator();
        if (settings.tier() == Tier.UNLIMITED) {
            throw new ParameterException(spec.commandLine(),
                    "the rate-limit examples need a tier with limits: --tier free or tier1");
        }
        double timeScale = spec.commandLine().getParseResult().matchedOptionValue("--time-scale", DEFAULT_TIME_SCALE);
        if (timeScale <= 0) {
            throw new ParameterException(spec.commandLine(),
                    "the rate-limit examples need --time-scale above 0: their windows would last no time");
        }
        return new RateLimitLab(settings.tier(), timeScale, settings.seed(), options.choice().name());
    }

    /** Prints what the lab is, starts it, runs {@code work} on the chosen providers and stops it. */
    void run(Work work) throws Exception {
        System.out.println(describe());
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().toBuilder()
                .tier(tier).timeScale(timeScale).seed(seed).build())) {
            work.run(simulator, ProviderSet.forSimulator(simulator).select(providers));
        }
    }

    String describe() {
        Duration minute = Duration.ofNanos(Math.round(Duration.ofMinutes(1).toNanos() * timeScale));
        return "Rate limits: a dedicated simulator, tier %s, time scale %s (a minute lasts %s)"
                .formatted(tier.id(), timeScale, Durations.seconds(minute));
    }
}
