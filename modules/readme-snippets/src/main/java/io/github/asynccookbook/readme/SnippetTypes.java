package io.github.asynccookbook.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of this project's types a snippet names, other than recipes: a README must show code a reader can copy,
 * using only the JDK, LangChain4j, Reactor, the libraries a lesson is about and the recipes. Names are resolved
 * the way the compiler would: types declared in the snippet's own file, then its imports (static ones too), then
 * the other types of its package. Comments and string literals are not code and are skipped.
 */
final class SnippetTypes {

    static final String PROJECT = "io.github.asynccookbook.";
    static final String RECIPES = PROJECT + "recipes.";

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?;", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern DECLARATION = Pattern.compile("\\b(?:class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(\\bio\\.github\\.asynccookbook(?:\\.[a-z]\\w*)*\\.[A-Z]\\w*)|(?<![\\w.])([A-Za-z_]\\w*)");
    private static final Pattern NOT_CODE = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'", Pattern.DOTALL);

    private SnippetTypes() {
    }

    /** The project types (not recipes) the snippet uses, by fully qualified name, sorted. */
    static Set<String> projectTypesIn(String snippet, Path source) {
        String text = read(source);
        String ownPackage = match(PACKAGE, text).orElse("");
        Set<String> declaredHere = new HashSet<>();
        DECLARATION.matcher(text).results().forEach(r -> declaredHere.add(r.group(1)));
        Map<String, String> imported = new HashMap<>();
        List<String> wildcards = new java.util.ArrayList<>();
        for (Matcher m = IMPORT.matcher(text); m.find(); ) {
            String name = m.group(2);
            if (m.group(3) != null) {
                wildcards.add(name);
            } else {
                imported.put(name.substring(name.lastIndexOf('.') + 1), m.group(1) != null
                        ? name.substring(0, name.lastIndexOf('.')) : name);
            }
        }
        Set<String> samePackage = samePackageTypes(source);

        Set<String> used = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(NOT_CODE.matcher(snippet).replaceAll(" "));
        while (identifiers.find()) {
            if (identifiers.group(1) != null) {
                used.add(identifiers.group(1));
                continue;
            }
            String name = identifiers.group(2);
            if (declaredHere.contains(name)) {
                continue;
            }
            if (imported.containsKey(name)) {
                used.add(imported.get(name));
            } else if (samePackage.contains(name)) {
                used.add(ownPackage + "." + name);
            } else if (Character.isUpperCase(name.charAt(0))) {
                wildcards.stream().filter(w -> w.startsWith(PROJECT)).findFirst()
                        .ifPresent(w -> used.add(w + "." + name));
            }
        }
        used.removeIf(type -> !type.startsWith(PROJECT) || type.startsWith(RECIPES));
        return used;
    }

    private static Set<String> samePackageTypes(Path source) {
        Set<String> names = new HashSet<>();
        try (var files = Files.list(source.toAbsolutePath().getParent())) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".java") && !f.equals(source.getFileName().toString()))
                    .forEach(f -> names.add(f.substring(0, f.length() - ".java".length())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static java.util.Optional<String> match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
