package io.github.asynccookbook.chapter01;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.asynccookbook.harness.ChapterCli;
import io.github.asynccookbook.harness.ProviderOptions;
import io.github.asynccookbook.providers.ModelOptions;
import io.github.asynccookbook.recipes.AsyncChat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.ReactorBlockHoundIntegration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static io.github.asynccookbook.chapter01._02_LoopVersusConcurrent.REQUEST;

/**
 * "Never block inside async code", caught in the act: BlockHound makes any blocking call on one of Reactor's
 * non-blocking threads throw, and a blocking {@code chat()} on a parallel scheduler is one.
 */
@Command(name = "_05_BlockHoundCatchesBlocking", mixinStandardHelpOptions = true,
        description = "BlockHound catches a blocking chat() on a non-blocking thread; the fixes pass. "
                + "Needs the JVM flag " + _05_BlockHoundCatchesBlocking.JVM_FLAG + ".")
public final class _05_BlockHoundCatchesBlocking implements Callable<Integer> {

    /** The application's own parallel scheduler: Reactor marks its threads non-blocking, like {@code parallel()}'s. */
    static final Scheduler APP_PARALLEL = Schedulers.newParallel("app-parallel", 2, true);

    // tag::install[]
    static void installBlockHound() {
        BlockHound.builder()
                .with(new ReactorBlockHoundIntegration()) // Reactor's non-blocking threads and its allowances
                // Only the application's threads: the simulator shares this JVM, its Netty and parallel() threads.
                .nonBlockingThreadPredicate(reactors -> reactors.and(t -> t.getName().startsWith("app-parallel-")))
                .install();
    }
    // end::install[]

    // tag::caught[]
    static ChatResponse blockingOnParallel(ChatModel model, ChatRequest request) {
        return Mono.fromCallable(() -> model.chat(request))
                .subscribeOn(APP_PARALLEL) // a few threads, one per core, that must never block
                .block(); // BlockingOperationError: Blocking call! jdk.internal.misc.Unsafe#park
    }
    // end::caught[]

    // tag::fixes[]
    static ChatResponse offloadedToBoundedElastic(ChatModel model, ChatRequest request) {
        return Mono.fromCallable(() -> model.chat(request)).subscribeOn(Schedulers.boundedElastic()).block();
    }

    static ChatResponse nonBlockingOnParallel(StreamingChatModel model, ChatRequest request) {
        return Mono.fromFuture(() -> AsyncChat.chatAsync(model, request)).subscribeOn(APP_PARALLEL).block();
    }
    // end::fixes[]

    /** On JDK 13+ BlockHound adds methods to JDK classes, which the JVM refuses without this flag. */
    static final String JVM_FLAG = "-XX:+AllowRedefinitionToAddDeleteMethods";

    /** The flag, and the two that keep the JDK from warning about BlockHound's agent and Netty's native code. */
    static final List<String> JVM_FLAGS =
            List.of(JVM_FLAG, "-XX:+EnableDynamicAgentLoading", "--enable-native-access=ALL-UNNAMED");

    @Mixin
    ProviderOptions providers;

    /** Under {@code mvn exec:java}, or without the flag, it runs itself again in a JVM of its own. */
    public static void main(String[] args) {
        if (!JvmWithFlags.running(_05_BlockHoundCatchesBlocking.class, JVM_FLAGS)) {
            System.exit(JvmWithFlags.run(_05_BlockHoundCatchesBlocking.class, JVM_FLAGS, args));
        }
        ChapterCli.exit(new _05_BlockHoundCatchesBlocking(), args);
    }

    @Override
    public Integer call() {
        if (!JvmWithFlags.running(getClass(), JVM_FLAGS)) {
            System.err.printf("BlockHound needs a JVM of its own started with %s: run %s.main, which starts one%n",
                    JVM_FLAG, getClass().getSimpleName());
            return 2;
        }
        installBlockHound();
        for (var provider : providers.providers()) {
            // No retries: a retried call logs a warning first, and that write on app-parallel is what BlockHound
            // would report then, instead of the call's own wait.
            ChatModel chat = provider.chatModel(ModelOptions.builder().maxRetries(0).build());
            System.out.printf("%n%s:%n", provider.displayName());
            try {
                blockingOnParallel(chat, REQUEST);
                System.out.println("  chat() on app-parallel     : not caught?!");
            } catch (RuntimeException wrapper) {
                BlockingOperationError caught = blockingOperation(wrapper).orElseThrow(() -> wrapper);
                System.out.println("  chat() on app-parallel     : caught, " + caught.getMessage());
            }
            report("chat() on boundedElastic", offloadedToBoundedElastic(chat, REQUEST));
            report("chatAsync on app-parallel", nonBlockingOnParallel(provider.streamingChatModel(), REQUEST));
        }
        return 0;
    }

    /** {@code block()} wraps the error; the HTTP client may wrap it too, when it was thrown inside one of its futures. */
    static Optional<BlockingOperationError> blockingOperation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BlockingOperationError blocking) {
                return Optional.of(blocking);
            }
        }
        return Optional.empty();
    }

    private static void report(String label, ChatResponse response) {
        System.out.printf("  %-26s : fine, %d output tokens%n", label, response.tokenUsage().outputTokenCount());
    }
}
