package io.github.asynccookbook.simulator;

/** The provider APIs the simulator speaks. */
public enum Protocol {
    GEMINI("Gemini"), MISTRAL("Mistral");

    private final String displayName;

    Protocol(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
