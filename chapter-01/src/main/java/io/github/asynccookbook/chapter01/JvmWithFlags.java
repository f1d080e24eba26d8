package io.github.asynccookbook.chapter01;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a main again in a JVM of its own when the current one cannot run it: {@code mvn exec:java} runs mains in
 * Maven's JVM, whose flags a main cannot choose, behind a child-first class loader that hides the classes an agent
 * such as BlockHound adds to the bootstrap class path (its settings then land on a copy the JDK never calls).
 */
final class JvmWithFlags {

    private JvmWithFlags() {
    }

    /** Whether {@code main} runs with these flags on the JVM's own class path, where an agent works as meant. */
    static boolean running(Class<?> main, List<String> flags) {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().containsAll(flags)
                && main.getClassLoader() == ClassLoader.getSystemClassLoader();
    }

    /**
     * Runs {@code main} with {@code args} in a new JVM with {@code flags}, sharing this one's console; its exit
     * status, or 1 when it could not run.
     */
    static int run(Class<?> main, List<String> flags, String... args) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath(main), main.getName()));
        command.addAll(Arrays.asList(args));
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            Thread stopIt = new Thread(process::destroy);
            Runtime.getRuntime().addShutdownHook(stopIt); // Ctrl-C stops both JVMs
            int status = process.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopIt);
            return status;
        } catch (IOException e) {
            System.err.println("cannot start " + command.getFirst() + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Maven's exec:java class loader lists the project's class path; a plain {@code java} run has its own. */
    private static String classPath(Class<?> main) {
        if (main.getClassLoader() instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            return Stream.of(urls.getURLs()).map(url -> {
                try {
                    return Path.of(url.toURI()).toString();
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("not a file on the class path: " + url, e);
                }
            }).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }
}
