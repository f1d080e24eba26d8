package io.github.asynccookbook.chapter03;

import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.providers.ProviderSet;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.util.List;
import java.util.Locale;

/** The {@code --provider} and {@code --requests} options every example takes. */
final class Workload {

    @Option(names = "--provider", defaultValue = "both", converter = ProviderChoice.class,
            description = "gemini, mistral or both (default: ${DEFAULT-VALUE})")
    String provider;

    @Option(names = "--requests", defaultValue = "12", converter = PositiveInt.class,
            description = "how many questions to ask (default: ${DEFAULT-VALUE})")
    int requests;

    List<Provider> providers(ProviderSet set) {
        return set.select(provider);
    }

    List<String> questions() {
        return Questions.numbered(requests);
    }

    static final class ProviderChoice implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String choice = value.trim().toLowerCase(Locale.ROOT);
            if (!List.of("gemini", "mistral", "both").contains(choice)) {
                throw new TypeConversionException("'" + value + "' is not a provider: use gemini, mistral or both");
            }
            return choice;
        }
    }

    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int number = Integer.parseInt(value.trim());
                if (number >= 1) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // reported below like any other bad value
            }
            throw new TypeConversionException("'" + value + "' is not a whole number >= 1");
        }
    }
}
