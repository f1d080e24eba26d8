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
                .satisfies(m -> assertThat(m.inSource()).contains("model.chat(\"Hi\")"));

        ReadmeSnippets.update(readme);

        assertThat(ReadmeSnippets.check(readme)).isEmpty();
        assertThat(Files.readString(readme)).endsWith("```\nafter\n");
    }
}
