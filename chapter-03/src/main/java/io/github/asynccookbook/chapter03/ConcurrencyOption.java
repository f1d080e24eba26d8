package io.github.asynccookbook.chapter03;

import picocli.CommandLine.Option;

/** The {@code --concurrency} option of the examples that cap in-flight requests. */
final class ConcurrencyOption {

    @Option(names = "--concurrency", defaultValue = "6", converter = Workload.PositiveInt.class,
            description = "how many requests may be in flight at once (default: ${DEFAULT-VALUE})")
    int concurrency;
}
