package io.github.asynccookbook.providers;

import io.github.asynccookbook.simulator.Protocol;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the providers are configured with, parsed once from variables. {@link #load()} reads {@code .env}
 * files and the environment, where a real environment variable overrides the same name in {@code .env};
 * {@link #from(Map)} takes the variables directly. Printing this record never shows a key.
 */
public record ProviderSettings(LlmMode llmMode, VendorSettings gemini, VendorSettings mistral,
                               SimulatorSettings simulator) {

    /** Settings from the {@code .env} files of the working directory and its parents, then the environment. */
    public static ProviderSettings load() {
        return load(Path.of(""), System.getenv());
    }

    static ProviderSettings load(Path workingDirectory, Map<String, String> environment) {
        Map<String, String> variables = new HashMap<>(EnvFiles.read(workingDirectory));
        variables.putAll(environment);
        return from(variables);
    }

    /**
     * Settings from variables by name: {@code LLM_MODE}, the key and model variables of {@link VendorSettings},
     * and the {@code SIM_*} ones of {@link SimulatorSettings}. Unset or blank variables take their defaults.
     *
     * @throws ProviderConfigException when a value is not valid
     */
    public static ProviderSettings from(Map<String, String> variables) {
        Variables vars = new Variables(variables);
        LlmMode llmMode = vars.parse("LLM_MODE", LlmMode.AUTO, LlmMode::parse, "auto, simulator or live");
        return new ProviderSettings(llmMode,
                VendorSettings.from(Protocol.GEMINI, llmMode, vars),
                VendorSettings.from(Protocol.MISTRAL, llmMode, vars),
                SimulatorSettings.from(vars));
    }

    /** These settings with another simulator configuration (a main's {@code --time-scale}, {@code --tier}, ...). */
    public ProviderSettings withSimulator(SimulatorSettings simulator) {
        return new ProviderSettings(llmMode, gemini, mistral, simulator);
    }

    public VendorSettings vendor(Protocol protocol) {
        return switch (protocol) {
            case GEMINI -> gemini;
            case MISTRAL -> mistral;
        };
    }
}
