package io.github.asynccookbook.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps README code blocks equal to tagged regions of real source files, so a snippet can never drift from the
 * code that compiles and runs. In the README, a marker names the region and the fenced block after it is checked:
 *
 * <pre>
 * &lt;!-- snippet: src/main/java/.../FirstCall.java#call --&gt;
 * ```java
 * ...
 * ```
 * </pre>
 *
 * In the source the region sits between {@code // tag::call[]} and {@code // end::call[]} (the AsciiDoc convention);
 * its common indentation is removed. A snippet must also be code a reader can copy: it may use the JDK, LangChain4j,
 * Reactor, the libraries a lesson is about and the cookbook's recipes, but none of the project's other types.
 */
public final class ReadmeSnippets {

    private static final Pattern MARKER = Pattern.compile(
            "<!-- snippet: (\\S+)#(\\S+) -->\\R```(\\w*)\\R(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);

    private ReadmeSnippets() {
    }

    /** Something wrong with one README block. */
    public sealed interface Problem {
    }

    /** A README block that does not match its source region. */
    public record Mismatch(String source, String tag, String inReadme, String inSource) implements Problem {
        @Override
        public String toString() {
            return source + "#" + tag + " differs from the README.\n--- README ---\n" + inReadme
                    + "--- source ---\n" + inSource;
        }
    }

    /** A README block that uses project types a reader cannot copy: anything but a recipe. */
    public record NotCopyable(String source, String tag, java.util.Set<String> projectTypes) implements Problem {
        @Override
        public String toString() {
            return source + "#" + tag + " uses " + projectTypes + ": a README snippet may use the JDK, LangChain4j,"
                    + " Reactor, the lesson's library and recipes only; move the rest below the lesson";
        }
    }

    /**
     * Checks every marked block of {@code readme}: equal to its source region, and using no project type but
     * recipes. Source paths are relative to the README's folder.
     */
    public static List<Problem> check(Path readme) {
        String text = read(readme);
        var mismatches = new ArrayList<Problem>();
        Matcher matcher = MARKER.matcher(text);
        int blocks = 0;
        while (matcher.find()) {
            blocks++;
            Path source = readme.toAbsolutePath().getParent().resolve(matcher.group(1));
            String expected = region(source, matcher.group(2));
            if (!expected.equals(matcher.group(4))) {
                mismatches.add(new Mismatch(matcher.group(1), matcher.group(2), matcher.group(4), expected));
            }
            var projectTypes = SnippetTypes.projectTypesIn(expected, source);
            if (!projectTypes.isEmpty()) {
                mismatches.add(new NotCopyable(matcher.group(1), matcher.group(2), projectTypes));
            }
        }
        if (blocks == 0) {
            throw new IllegalStateException(readme + " has no snippet markers to check");
        }
        return mismatches;
    }

    /** Rewrites every marked block of {@code readme} from its source region. */
    public static void update(Path readme) {
        String text = read(readme);
        Matcher matcher = MARKER.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            String code = region(readme.toAbsolutePath().getParent().resolve(matcher.group(1)), matcher.group(2));
            String block = "<!-- snippet: " + matcher.group(1) + "#" + matcher.group(2) + " -->\n```"
                    + matcher.group(3) + "\n" + code + "```";
            matcher.appendReplacement(out, Matcher.quoteReplacement(block));
        }
        matcher.appendTail(out);
        try {
            Files.writeString(readme, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines between {@code tag::NAME[]} and {@code end::NAME[]}, common indentation removed, each ending in a newline. */
    static String region(Path source, String tag) {
        List<String> lines = read(source).lines().toList();
        int start = indexOf(lines, "tag::" + tag + "[]", 0, source);
        int end = indexOf(lines, "end::" + tag + "[]", start, source);
        List<String> body = lines.subList(start + 1, end).stream()
                .filter(line -> !line.contains("tag::") && !line.contains("end::"))
                .toList();
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        var code = new StringBuilder();
        body.forEach(line -> code.append(line.isBlank() ? "" : line.substring(indent)).append('\n'));
        return code.toString();
    }

    private static int indexOf(List<String> lines, String needle, int from, Path source) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i;
            }
        }
        throw new IllegalStateException(source + " has no '" + needle + "'");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
