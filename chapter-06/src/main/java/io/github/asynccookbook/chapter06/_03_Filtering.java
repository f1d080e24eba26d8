package io.github.asynccookbook.chapter06;

import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.providers.Provider;
import io.github.asynccookbook.recipes.StreamEvents.Filter;
import io.github.asynccookbook.recipes.StreamEvents.StreamEvent;
import io.github.asynccookbook.report.ConsoleTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import reactor.core.publisher.Flux;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** LangChain's include/exclude filters on one run of the chain, replayed to each filter. */
@Command(name = "_03_Filtering", mixinStandardHelpOptions = true,
        description = "include_names / include_types / include_tags and the exclude forms, on one run of the chain.")
public final class _03_Filtering implements Callable<Integer> {

    // tag::filters[]
    static final Map<String, Filter> FILTERS = filters();

    private static Map<String, Filter> filters() {
        var filters = new LinkedHashMap<String, Filter>();
        filters.put("include_types=[chat_model]", Filter.everything().includeTypes("chat_model"));
        filters.put("include_names=[PromptTemplate, StringParser]",
                Filter.everything().includeNames("PromptTemplate", "StringParser"));
        filters.put("include_tags=[seq:step:2]", Filter.everything().includeTags("seq:step:2"));
        filters.put("include_types=[chain]", Filter.everything().includeTypes("chain"));
        filters.put("exclude_types=[chat_model, chain]", Filter.everything().excludeTypes("chat_model", "chain"));
        return filters;
    }

    static Map<String, List<StreamEvent>> filtered(Flux<StreamEvent> events, Map<String, Filter> filters) {
        Flux<StreamEvent> oneRun = events.cache();   // one model call, replayed to every filter
        var kept = new LinkedHashMap<String, List<StreamEvent>>();
        filters.forEach((label, filter) -> kept.put(label, oneRun.filter(filter).collectList().block()));
        return kept;
    }
    // end::filters[]

    @Mixin
    ExampleOptions options;

    public static void main(String[] args) {
        ChapterCli.exit(new _03_Filtering(), args);
    }

    @Override
    public Integer call() {
        run(options.providers(), options.topic);
        return 0;
    }

    static void run(List<Provider> providers, String topic) {
        for (Provider provider : providers) {
            ExampleOptions.heading(provider, "3", "filters on one run");
            var chain = _01_ChainEvents.bulletPoints(provider.streamingChatModel());
            var table = new ConsoleTable("Filter", "Events kept");
            filtered(chain.streamEvents(Map.of("topic", topic)), FILTERS)
                    .forEach((label, kept) -> table.row(label, EventLog.counts(kept)));
            System.out.print(table.render());
        }
    }
}
