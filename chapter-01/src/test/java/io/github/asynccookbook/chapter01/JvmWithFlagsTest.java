package io.github.asynccookbook.chapter01;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JVM a main runs itself again in has the flags asked for, the same class path, and its status comes back. */
class JvmWithFlagsTest {

    private static final String FLAG = "-XX:+AllowRedefinitionToAddDeleteMethods";

    /** Exits 0 when it has the flag and got {@code hello} as its argument, 3 otherwise. */
    public static final class ChecksItsJvm {
        public static void main(String[] args) {
            boolean flagged = ManagementFactory.getRuntimeMXBean().getInputArguments().contains(FLAG);
            System.exit(flagged && List.of(args).equals(List.of("hello")) ? 0 : 3);
        }
    }

    @Test
    void theNewJvmHasTheFlagsAndTheArguments() {
        assertThat(JvmWithFlags.run(ChecksItsJvm.class, List.of(FLAG), "hello")).isZero();
    }

    @Test
    void itsExitStatusComesBack() {
        assertThat(JvmWithFlags.run(ChecksItsJvm.class, List.of(FLAG), "bye")).isEqualTo(3);
    }

    @Test
    void aJvmWithoutTheFlagIsNotTheRightOne() {
        assertThat(JvmWithFlags.running(ChecksItsJvm.class, List.of("-XX:+SomeFlagNobodySet"))).isFalse();
    }
}
