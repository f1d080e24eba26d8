package io.github.asynccookbook.harness;

/**
 * LangChain4j's built-in retry logs a WARN with a full stack trace before each retry; mains that count retries from
 * the simulator instead turn that one logger down before anything logs.
 */
public final class QuietLogs {

    private QuietLogs() {
    }

    public static void builtInRetry() {
        System.setProperty("org.slf4j.simpleLogger.log.dev.langchain4j.internal.RetryUtils", "error");
    }
}
