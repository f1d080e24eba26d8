package io.github.asynccookbook.providers;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the {@code .env} files that apply to a working directory: its own and those of its parents up to the
 * project root (the directory with {@code .env.example}), because {@code mvn -pl chapter-01 exec:java} runs in
 * the chapter's directory while the reader's {@code .env} sits at the root. A nearer file wins.
 */
final class EnvFiles {

    private static final String FILE_NAME = ".env";
    private static final String PROJECT_ROOT_MARKER = ".env.example";

    private EnvFiles() {
    }

    static Map<String, String> read(Path workingDirectory) {
        Map<String, String> merged = new HashMap<>();
        for (Path directory : directories(workingDirectory).reversed()) {
            Path file = directory.resolve(FILE_NAME);
            if (Files.isRegularFile(file)) {
                merged.putAll(readFile(file));
            }
        }
        return merged;
    }

    /** The working directory and its parents, nearest first, up to the project root or the filesystem root. */
    static List<Path> directories(Path workingDirectory) {
        List<Path> directories = new ArrayList<>();
        for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            directories.add(dir);
            if (Files.exists(dir.resolve(PROJECT_ROOT_MARKER))) {
                break;
            }
        }
        return directories;
    }

    private static Map<String, String> readFile(Path file) {
        refuseUnclosedQuotes(file);
        try {
            return Dotenv.configure()
                    .directory(file.getParent().toString())
                    .filename(FILE_NAME)
                    .load()
                    .entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)
                    .stream()
                    .collect(Collectors.toMap(DotenvEntry::getKey, DotenvEntry::getValue));
        } catch (DotenvException e) {
            // dotenv's message quotes the bad line, which may hold a key: say where, not what.
            throw new ProviderConfigException(file + " has a line that is not NAME=value"
                    + " (check for unmatched quotes or a leading 'export')");
        }
    }

    /**
     * dotenv drops a line whose value opens a quote it never closes, without a word: a key pasted as
     * {@code GOOGLE_API_KEY="AIza...} would silently be no key. Say which line, never what it holds.
     */
    private static void refuseUnclosedQuotes(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ProviderConfigException("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int equals = line.indexOf('=');
            if (line.startsWith("#") || equals < 0) {
                continue;
            }
            String value = line.substring(equals + 1).strip();
            char quote = value.isEmpty() ? ' ' : value.charAt(0);
            if ((quote == '"' || quote == '\'') && value.indexOf(quote, 1) < 0) {
                throw new ProviderConfigException("%s line %d: the value of %s opens a quote it never closes"
                        .formatted(file, i + 1, line.substring(0, equals).strip()));
            }
        }
    }
}
