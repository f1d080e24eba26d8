package io.github.asynccookbook.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleTableTest {

    @Test
    void alignsTextLeftAndNumbersRight() {
        String table = new ConsoleTable("Mode", "Wall", "Speedup")
                .row("sequential", "7.412s", "1.00x")
                .row("concurrent", "1.603s", "4.62x")
                .render();

        assertThat(table).isEqualTo("""
                Mode          Wall  Speedup
                ----------  ------  -------
                sequential  7.412s    1.00x
                concurrent  1.603s    4.62x
                """);
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new ConsoleTable("a", "b").row("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
