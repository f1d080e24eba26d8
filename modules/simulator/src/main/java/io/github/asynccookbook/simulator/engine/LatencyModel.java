package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.protocol.Chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Turns a profile and a reply into a timeline: a log-normal time to first token around the profile's median,
 * then chunks of the profile's size at its output speed (±10 % per request), all times the time scale.
 */
final class LatencyModel {

    private final double timeScale;

    LatencyModel(double timeScale) {
        this.timeScale = timeScale;
    }

    Timeline plan(ModelProfile profile, Reply reply, RandomGenerator random) {
        double spread = Math.exp(profile.ttftJitter() * clamp(random.nextGaussian(), 3));
        long ttft = scaled(profile.ttftMedian().toNanos() * spread);
        double nanosPerToken = 1e9 / (profile.tokensPerSecond() * Math.exp(0.1 * clamp(random.nextGaussian(), 2)));

        List<Chunk> chunks = new ArrayList<>();
        List<Long> due = new ArrayList<>();
        int total = reply.isToolCall() ? 0 : reply.outputTokens();
        if (total == 0) {
            chunks.add(new Chunk(0, 0, true, true));
            due.add(ttft + scaled(reply.outputTokens() * nanosPerToken));
        }
        int sent = 0;
        int afterFirst = 0;
        while (sent < total) {
            int size = Math.min(total - sent,
                    profile.chunkTokensMin() + random.nextInt(profile.chunkTokensMax() - profile.chunkTokensMin() + 1));
            if (sent > 0) {
                afterFirst += size;
            }
            chunks.add(new Chunk(sent, sent + size, sent == 0, sent + size == total));
            due.add(ttft + scaled(afterFirst * nanosPerToken));
            sent += size;
        }
        return new Timeline(ttft, chunks, due.stream().mapToLong(Long::longValue).toArray());
    }

    private long scaled(double modelNanos) {
        return Math.round(modelNanos * timeScale);
    }

    private static double clamp(double gaussian, double limit) {
        return Math.max(-limit, Math.min(limit, gaussian));
    }
}
