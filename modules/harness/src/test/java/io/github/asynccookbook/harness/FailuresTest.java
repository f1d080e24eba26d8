package io.github.asynccookbook.harness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @Test
    void aPrettyPrintedErrorBodyBecomesOneReadableLine() {
        var error = new IllegalStateException("""
                {
                  "error": {
                    "code": 500,
                    "message": "Internal error encountered.",
                    "status": "INTERNAL"
                  }
                }
                """);

        assertThat(Failures.oneLine(error)).isEqualTo("IllegalStateException: { \"error\": { \"code\": 500, "
                + "\"message\": \"Internal error encountered.\", \"status\": \"INTERNAL\" } }");
    }

    @Test
    void aLongMessageIsCutShort() {
        assertThat(Failures.oneLine(new IllegalStateException("x".repeat(1_000))))
                .hasSize("IllegalStateException: ".length() + 240).endsWith("...");
    }
}
