package io.github.asynccookbook.chapter07;

import io.github.asynccookbook.readme.ReadmeSnippets;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReadmeSnippetsTest {

    @Test
    void readmeSnippetsMatchTheSourcesAndCanBeCopied() {
        assertThat(ReadmeSnippets.check(Path.of("README.md").toAbsolutePath())).isEmpty();
    }
}
