package io.github.asynccookbook.readme;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReadmeSnippetsTest {

    private static final String SOURCE = """
            class Demo {
                void run() {
                    // tag::call[]
                    String answer = model.chat("Hi");
                    System.out.println(answer);
                    // end::call[]
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void acceptsABlockEqualToItsRegion() throws IOException {
        Files.writeString(dir.resolve("Demo.java"), SOURCE);
        Path readme = Files.writeString(dir.resolve("README.md"), """
                Intro
                <!-- snippet: Demo.java#call -->
                ```java
                String answer = model.chat("Hi");
                System.out.println(answer);
                ```
                """);

        assertThat(ReadmeSnippets.check(readme)).isEmpty();
    }

    @Test
    void resolvesSourcesNextToARelativeReadmePath() {
        assertThat(ReadmeSnippets.check(java.nio.file.Path.of("src/test/resources/README.md"))).isEmpty();
    }

    @Test
    void reportsAndRepairsADriftedBlock() throws IOException {
        Files.writeString(dir.resolve("Demo.java"), SOURCE);
        Path readme = Files.writeString(dir.resolve("README.md"), """
                <!-- snippet: Demo.java#call -->
                ```java
                String answer = model.chat("Hello");
                ```
                after
                """);

        assertThat(ReadmeSnippets.check(readme)).singleElement()
                .isInstanceOfSatisfying(ReadmeSnippets.Mismatch.class,
                        m -> assertThat(m.inSource()).contains("model.chat(\"Hi\")"));

        ReadmeSnippets.update(readme);

        assertThat(ReadmeSnippets.check(readme)).isEmpty();
        assertThat(Files.readString(readme)).endsWith("```\nafter\n");
    }

    private static final String LESSON = """
            package io.github.asynccookbook.chapter99;

            import io.github.asynccookbook.harness.Questions;
            import io.github.asynccookbook.recipes.Batch;
            import static io.github.asynccookbook.harness.GroundTruth.maxInFlight;

            class Lesson {
                record Pair(String a, String b) {
                }

                void copyable() {
                    // tag::copyable[]
                    // Questions would come from your own code; "Helper" in a string is no code either
                    var batch = Batch.of(List.of("a", "b"));
                    Pair pair = new Pair("x", "y");
                    // end::copyable[]
                }

                void notCopyable() {
                    // tag::notCopyable[]
                    var prompts = Questions.first(3);
                    String peak = maxInFlight(provider);
                    Helper.run(io.github.asynccookbook.report.Durations.seconds(1));
                    // end::notCopyable[]
                }
            }
            """;

    @Test
    void acceptsSnippetsUsingOnlyLibrariesRecipesAndTheirOwnFile() throws IOException {
        Files.writeString(dir.resolve("Lesson.java"), LESSON);
        Files.writeString(dir.resolve("Helper.java"), "package io.github.asynccookbook.chapter99; class Helper {}");
        Path readme = Files.writeString(dir.resolve("README.md"), """
                <!-- snippet: Lesson.java#copyable -->
                ```java
                // Questions would come from your own code; "Helper" in a string is no code either
                var batch = Batch.of(List.of("a", "b"));
                Pair pair = new Pair("x", "y");
                ```
                """);

        assertThat(ReadmeSnippets.check(readme)).isEmpty();
    }

    @Test
    void refusesSnippetsUsingProjectTypesThatAreNotRecipes() throws IOException {
        Files.writeString(dir.resolve("Lesson.java"), LESSON);
        Files.writeString(dir.resolve("Helper.java"), "package io.github.asynccookbook.chapter99; class Helper {}");
        Path readme = Files.writeString(dir.resolve("README.md"), """
                <!-- snippet: Lesson.java#notCopyable -->
                ```java
                var prompts = Questions.first(3);
                String peak = maxInFlight(provider);
                Helper.run(io.github.asynccookbook.report.Durations.seconds(1));
                ```
                """);

        assertThat(ReadmeSnippets.check(readme)).singleElement()
                .isInstanceOfSatisfying(ReadmeSnippets.NotCopyable.class, problem -> assertThat(problem.projectTypes())
                        .containsExactly("io.github.asynccookbook.chapter99.Helper",
                                "io.github.asynccookbook.harness.GroundTruth", "io.github.asynccookbook.harness.Questions",
                                "io.github.asynccookbook.report.Durations"));
    }
}
