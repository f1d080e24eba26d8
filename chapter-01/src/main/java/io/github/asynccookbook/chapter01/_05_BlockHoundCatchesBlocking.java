package io.github.asynccookbook.chapter01;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.ReactorBlockHoundIntegration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.lang.management.ManagementFactory;
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

    /** On JDK 13+ BlockHound adds methods to JDK classes, which the JVM refuses without this flag. */
    static final String JVM_FLAG = "-XX:+AllowRedefinitionToAddDeleteMethods";

    /** The application's own parallel scheduler: Reactor marks its threads non-blocking, like {@code parallel()}'s. */
    static final Scheduler APP_PARALLEL = Schedulers.newParallel("app-parallel", 2, true);

    @Mixin
    ProviderChoice providers;

    public static void main(String[] args) {
        System.exit(Cli.execute(new _05_BlockHoundCatchesBlocking(), args));
    }

    @Override
    public Integer call() {
        if (!ManagementFactory.getRuntimeMXBean().getInputArguments().contains(JVM_FLAG)) {
            System.err.printf("BlockHound needs the JVM flag %s: run MAVEN_OPTS=\"%s\" mvn -q -pl chapter-01 exec:java"
                    + " -Dexec.mainClass=%s%n", JVM_FLAG, JVM_FLAG, getClass().getName());
            return Cli.USAGE_ERROR;
        }
        installBlockHound();
        for (var provider : providers.providers()) {
            var models = ProviderModels.of(provider);
            System.out.printf("%n%s:%n", models.name());
            try {
                blockingOnParallel(models.chat());
                System.out.println("  chat() on app-parallel     : not caught?!");
            } catch (RuntimeException wrapper) {
                if (!(Exceptions.unwrap(wrapper) instanceof BlockingOperationError caught)) {
                    throw wrapper;
                }
                System.out.println("  chat() on app-parallel     : caught, " + caught.getMessage());
            }
            report("chat() on boundedElastic", offloadedToBoundedElastic(models.chat()));
            report("chatAsync on app-parallel", nonBlockingOnParallel(models.streaming()));
        }
        return 0;
    }

    private static void report(String label, ChatResponse response) {
        System.out.printf("  %-26s : fine, %d output tokens%n", label, response.tokenUsage().outputTokenCount());
    }

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
    static ChatResponse blockingOnParallel(ChatModel model) {
        return Mono.fromCallable(() -> model.chat(REQUEST))
                .subscribeOn(APP_PARALLEL) // a few threads, one per core, that must never block
                .block(); // BlockingOperationError: Blocking call! jdk.internal.misc.Unsafe#park
    }
    // end::caught[]

    // tag::fixes[]
    static ChatResponse offloadedToBoundedElastic(ChatModel model) {
        return Mono.fromCallable(() -> model.chat(REQUEST)).subscribeOn(Schedulers.boundedElastic()).block();
    }

    static ChatResponse nonBlockingOnParallel(StreamingChatModel model) {
        return Mono.fromFuture(() -> AsyncChat.chatAsync(model, REQUEST)).subscribeOn(APP_PARALLEL).block();
    }
    // end::fixes[]
}
