package io.github.asynccookbook.providers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvFilesTest {

    @TempDir
    Path root;

    @Test
    void readsTheProjectRootEnvFromAChapterDirectory() throws IOException {
        Files.writeString(root.resolve(".env.example"), "GOOGLE_API_KEY=\n");
        Files.writeString(root.resolve(".env"), "GEMINI_MODEL=gemini-2.5-pro\nSIM_SEED=7 # a comment\n");
        Path chapter = Files.createDirectories(root.resolve("chapter-01"));

        ProviderSettings settings = ProviderSettings.load(chapter, Map.of());

        assertThat(settings.gemini().modelName()).isEqualTo("gemini-2.5-pro");
        assertThat(settings.simulator().seed()).isEqualTo(7);
    }

    @Test
    void aNearerEnvWinsAndTheEnvironmentWinsOverBoth() throws IOException {
        Files.writeString(root.resolve(".env.example"), "");
        Files.writeString(root.resolve(".env"), "GEMINI_MODEL=from-root\nMISTRAL_MODEL=from-root\nSIM_SEED=1\n");
        Path chapter = Files.createDirectories(root.resolve("chapter-01"));
        Files.writeString(chapter.resolve(".env"), "GEMINI_MODEL=from-chapter\nMISTRAL_MODEL=from-chapter\n");

        ProviderSettings settings = ProviderSettings.load(chapter, Map.of("MISTRAL_MODEL", "from-environment"));

        assertThat(settings.gemini().modelName()).isEqualTo("from-chapter");
        assertThat(settings.mistral().modelName()).isEqualTo("from-environment");
        assertThat(settings.simulator().seed()).isEqualTo(1);
    }

    @Test
    void stopsAtTheProjectRoot() throws IOException {
        Files.writeString(root.resolve(".env"), "GEMINI_MODEL=outside-the-project\n");
        Path project = Files.createDirectories(root.resolve("project"));
        Files.writeString(project.resolve(".env.example"), "");
        Path chapter = Files.createDirectories(project.resolve("chapter-01"));

        assertThat(EnvFiles.directories(chapter)).containsExactly(chapter, project);
        assertThat(ProviderSettings.load(chapter, Map.of()).gemini().modelName()).isEqualTo("gemini-2.5-flash");
    }

    @Test
    void aMalformedEnvSaysWhichFileWithoutEchoingTheLine() throws IOException {
        Files.writeString(root.resolve(".env.example"), "");
        Files.writeString(root.resolve(".env"), "export MISTRAL_API_KEY=sk-secret-value\n");

        assertThatThrownBy(() -> ProviderSettings.load(root, Map.of()))
                .isInstanceOf(ProviderConfigException.class)
                .hasMessageContaining(root.resolve(".env").toString())
                .hasMessageNotContaining("secret");
    }
}
