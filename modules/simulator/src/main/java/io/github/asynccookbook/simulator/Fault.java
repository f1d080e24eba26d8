package io.github.asynccookbook.simulator;

import java.util.Optional;

/**
 * Faults the simulator can inject. Force one with {@code [sim:fault=CODE]} anywhere in the prompt or with the
 * {@code X-Sim-Fault: CODE} request header; the code is the text in brackets below.
 */
public enum Fault {
    /** {@code 500}: the provider's internal error. */
    INTERNAL("500"),
    /** {@code 503}: the model is overloaded. */
    OVERLOADED("503"),
    /** {@code 429}: a rate-limit answer, as if a quota were exhausted. */
    RATE_LIMITED("429"),
    /** {@code stall-headers}: nothing is sent for the stall duration, then the answer comes as usual. */
    STALL_BEFORE_HEADERS("stall-headers"),
    /** {@code stall-stream}: the stream stops half way for the stall duration, then goes on. */
    STALL_MID_STREAM("stall-stream"),
    /** {@code drop-stream}: the connection is closed half way through the answer. */
    DROP_MID_STREAM("drop-stream");

    private final String code;

    Fault(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Fault> fromCode(String code) {
        for (Fault fault : values()) {
            if (fault.code.equalsIgnoreCase(code.trim())) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
