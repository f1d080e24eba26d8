package io.github.asynccookbook.recipes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recipe is one file a reader can copy into a project that has LangChain4j and Reactor (and the one library the
 * recipe is about): no other recipe, nothing else of this project. ArchUnit states the rule on the compiled
 * classes; the compiler proves it on each source file, compiled alone.
 */
class RecipesStandAloneTest {

    /** What every project that uses the recipes has; Jackson comes with LangChain4j. */
    private static final List<String> BASE = List.of("java.", "javax.", "dev.langchain4j.", "reactor.",
            "org.reactivestreams.", "com.fasterxml.jackson.", "org.slf4j.");

    /** Libraries a recipe may be about, one at most per recipe. */
    private static final List<String> LIBRARIES = List.of("io.github.resilience4j.", "org.HdrHistogram.",
            "io.micrometer.", "io.github.bucket4j.", "io.lettuce.", "com.hazelcast.", "io.javalin.");

    /** Packages that come with a library and count as that library: the servlet API and Jetty Javalin runs on. */
    private static final Map<String, String> PART_OF = Map.of("jakarta.servlet.", "io.javalin.",
            "org.eclipse.jetty.", "io.javalin.");

    private static final Path SOURCES = Path.of("src/main/java/io/github/asynccookbook/recipes");

    private final JavaClasses recipes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.asynccookbook.recipes");

    @Test
    void aRecipeUsesLangChain4jReactorAndAtMostOneLibrary() {
        classes().should(useOnlyItsOwnFileLangChain4jReactorAndOneLibrary()).check(recipes);
    }

    @Test
    void everyRecipeCompilesAloneFromItsSourceFile() throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<File> classpath = Stream.of(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("classes") && !entry.endsWith("classes/"))
                .map(File::new)
                .toList();
        List<Path> files;
        try (Stream<Path> listing = Files.list(SOURCES)) {
            files = listing.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Path out = Files.createTempDirectory("recipe-alone");
            var diagnostics = new DiagnosticCollector<JavaFileObject>();
            try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, null)) {
                fileManager.setLocation(javax.tools.StandardLocation.CLASS_PATH, classpath);
                fileManager.setLocation(javax.tools.StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
                boolean compiled = compiler.getTask(null, fileManager, diagnostics,
                        List.of("--release", "21", "-proc:none", "-implicit:none", "-sourcepath", ""),
                        null, fileManager.getJavaFileObjects(file.toFile())).call();
                String errors = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null))
                        .collect(Collectors.joining("\n"));
                assertThat(compiled).as("%s compiled alone:%n%s", file.getFileName(), errors).isTrue();
            }
        }
    }

    private static ArchCondition<JavaClass> useOnlyItsOwnFileLangChain4jReactorAndOneLibrary() {
        return new ArchCondition<>("use only their own file, LangChain4j, Reactor and at most one library") {
            @Override
            public void check(JavaClass recipe, ConditionEvents events) {
                String file = topLevel(recipe).getName();
                Set<String> libraries = new TreeSet<>();
                recipe.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    while (target.isArray()) {
                        target = target.getComponentType();
                    }
                    String name = target.getName();
                    if (target.isPrimitive() || topLevel(target).getName().equals(file)
                            || BASE.stream().anyMatch(name::startsWith)) {
                        return;
                    }
                    Stream.concat(LIBRARIES.stream(), PART_OF.keySet().stream()).filter(name::startsWith).findFirst()
                            .map(library -> PART_OF.getOrDefault(library, library)).ifPresentOrElse(libraries::add,
                            () -> events.add(SimpleConditionEvent.violated(dependency,
                                    recipe.getName() + " uses " + name + ", which is neither its own file, "
                                            + "LangChain4j, Reactor nor a library a recipe may be about")));
                });
                if (libraries.size() > 1) {
                    events.add(SimpleConditionEvent.violated(recipe,
                            recipe.getName() + " is about more than one library: " + libraries));
                }
            }
        };
    }

    private static JavaClass topLevel(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
