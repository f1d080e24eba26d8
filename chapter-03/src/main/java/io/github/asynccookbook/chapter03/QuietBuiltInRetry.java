package io.github.asynccookbook.chapter03;

/**
 * LangChain4j's built-in retry logs a WARN with a full stack trace before each retry; the chapter counts retries from
 * the simulator instead, so its mains turn that one logger down before anything logs.
 */
final class QuietBuiltInRetry {

    private QuietBuiltInRetry() {
    }

    static void apply() {
        System.setProperty("org.slf4j.simpleLogger.log.dev.langchain4j.internal.RetryUtils", "error");
    }
}
