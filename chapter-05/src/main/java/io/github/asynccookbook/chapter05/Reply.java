package io.github.asynccookbook.chapter05;

/**
 * What sending one request produced, whether it succeeded or not: the benchmark counts failures instead of
 * throwing them, so one refused request never loses the measurements of the others.
 *
 * @param firstTokenNanos first non-empty chunk ({@link System#nanoTime()}), or null when not streamed or failed
 * @param rateLimited     attempts refused with HTTP 429
 * @param attempts        attempts made, the first one included
 * @param error           the final error, or null on success
 */
record Reply(Long firstTokenNanos, int outputTokens, int rateLimited, int attempts, Exception error) {
}
