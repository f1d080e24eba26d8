package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.Fault;
import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.content.Directives;
import io.github.asynccookbook.simulator.content.ReplyWriter;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.ChatCall;
import io.github.asynccookbook.simulator.protocol.ChatProtocol;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import io.github.asynccookbook.simulator.protocol.InboundRequest;
import io.github.asynccookbook.simulator.protocol.ResponseMeta;
import io.github.asynccookbook.simulator.protocol.StreamFrames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Answers one chat request: auth, parsing, faults, the reply, rate limits, then the bytes on the model's
 * timeline. The timeline starts once the request is read and parsed, as a model starts once it has the prompt,
 * and every delay is measured from that start, so scheduling jitter never accumulates.
 */
final class ChatExchange {

    private final SimulatorConfig config;
    private final SimulatorClock clock;
    private final StatsRecorder stats;
    private final RateLimiter limiter;
    private final Rolls rolls;
    private final LatencyModel latency;
    private final ApiKeyCheck keys;
    private final ReplyWriter writer = new ReplyWriter();

    ChatExchange(SimulatorConfig config, SimulatorClock clock, StatsRecorder stats, RateLimiter limiter, Rolls rolls) {
        this.config = config;
        this.clock = clock;
        this.stats = stats;
        this.limiter = limiter;
        this.rolls = rolls;
        this.latency = new LatencyModel(config.timeScale());
        this.keys = new ApiKeyCheck(config);
    }

    Mono<Void> answer(ChatProtocol protocol, InboundRequest request, String modelFromPath, boolean stream,
                      HttpServerResponse response, RequestTrace trace) {
        String apiVersion = modelFromPath == null ? "v1" : apiVersionOf(request.path());
        return Mono.defer(() -> {
                    try {
                        return respond(protocol, request, modelFromPath, stream, response, trace);
                    } catch (ApiError error) {
                        return fail(protocol, request, stream, error, apiVersion, response, trace);
                    }
                })
                .doFinally(signal -> {
                    if (!trace.answered) {
                        trace.clientDisconnected = trace.fault != Fault.DROP_MID_STREAM;
                        stats.completed(trace, clock.nanos());
                    }
                });
    }

    private Mono<Void> respond(ChatProtocol protocol, InboundRequest request, String modelFromPath, boolean stream,
                               HttpServerResponse response, RequestTrace trace) {
        if (modelFromPath != null) {
            stats.modelKnown(trace, modelFromPath);   // Gemini names it in the path: known even when the key is refused
        }
        String apiKey = keys.verify(protocol, request);
        ChatCall call = protocol.parseChat(request, modelFromPath, stream);
        if (modelFromPath == null) {
            stats.modelKnown(trace, call.model());
        }
        trace.stream = call.stream();
        trace.messages = Transcript.of(call.conversation());
        ModelProfile profile = config.models().get(call.model());
        if (profile == null || profile.protocol() != protocol.protocol()) {
            throw ApiError.of(ApiError.Kind.MODEL_NOT_FOUND, call.model());
        }
        protocol.checkLimits(call, profile);

        long requestHash = Rolls.hash(call.model(), request.body());
        SplittableRandom random = rolls.nextOccurrence(requestHash);
        Directives directives = Directives.parse(call.conversation().lastUserText());
        Fault fault = forcedFault(request, directives);
        trace.fault = fault != null ? fault : config.faultRates().pick(random.nextDouble());
        switch (trace.fault) {
            case INTERNAL -> throw ApiError.of(ApiError.Kind.INTERNAL, null);
            case OVERLOADED -> throw ApiError.of(ApiError.Kind.OVERLOADED, null);
            case RATE_LIMITED -> throw ApiError.rateLimited(profile.model(), ApiError.Quota.REQUESTS_PER_WINDOW,
                    Math.max(1, profile.limits(config.tier()).requests()),
                    config.scaled(profile.limits(config.tier()).requestWindow()));
            case null, default -> {
            }
        }

        Reply reply = write(call, profile, directives, rolls.contentSeed(requestHash, call.seed()));
        trace.promptTokens = reply.promptTokens();
        trace.plannedTokens = reply.outputTokens();
        trace.toolCalls = Transcript.calls(reply.toolCalls());
        long cost = protocol.protocol() == Protocol.GEMINI ? reply.promptTokens()
                : reply.promptTokens() + reply.outputTokens();
        trace.startNanos = clock.nanos();
        RateLimiter.Budget budget = limiter.admit(profile, apiKey, cost, trace.startNanos);

        Timeline timeline = latency.plan(profile, reply, random);
        trace.plannedTtftNanos = timeline.ttftNanos();
        var meta = new ResponseMeta(ResponseIds.next(protocol.protocol(), random), System.currentTimeMillis() / 1000,
                protocol.protocol() == Protocol.MISTRAL
                        ? MistralRateLimitHeaders.of(budget.limits(), budget.requestsRemaining(),
                        budget.tokensRemaining(), budget.tokensCost())
                        : Map.of());
        Timeline faulted = withFault(timeline, trace.fault, call.stream());
        return call.stream()
                ? stream(protocol.stream(call, reply, meta, faulted.chunks()), faulted, reply, response, trace)
                : unary(protocol.unary(call, reply, meta), faulted, reply, response, trace);
    }

    private Fault forcedFault(InboundRequest request, Directives directives) {
        String header = request.header("x-sim-fault");
        if (header != null) {
            return Fault.fromCode(header).orElseThrow(() -> ApiError.of(ApiError.Kind.INVALID_REQUEST,
                    "Unknown X-Sim-Fault value '" + header + "'."));
        }
        return directives.fault().orElse(null);
    }

    /** The answer depends only on the seed and the request, its length included. */
    Reply write(ChatCall call, ModelProfile profile, Directives directives, long contentSeed) {
        int cap = Math.min(profile.outputTokenLimit(),
                call.conversation().maxOutputTokens() == null ? Integer.MAX_VALUE : call.conversation().maxOutputTokens());
        int target = directives.tokens().orElseGet(() -> profile.replyTokensMin()
                + new SplittableRandom(contentSeed).nextInt(profile.replyTokensMax() - profile.replyTokensMin() + 1));
        return writer.write(call.conversation(), contentSeed, target, directives.tokens().isPresent(), Math.max(1, cap));
    }

    private Timeline withFault(Timeline timeline, Fault fault, boolean stream) {
        long stall = config.scaled(config.stallDuration()).toNanos();
        if (fault == Fault.STALL_BEFORE_HEADERS || (fault == Fault.STALL_MID_STREAM && !stream)) {
            return timeline.delayedFrom(0, stall);
        }
        if (fault == Fault.STALL_MID_STREAM) {
            return timeline.delayedFrom(cutIndex(timeline), stall);
        }
        return timeline;
    }

    /** Where a mid-stream fault strikes: after half the chunks, but never before the first one. */
    private static int cutIndex(Timeline timeline) {
        return Math.max(1, timeline.chunks().size() / 2);
    }

    private Mono<Void> unary(HttpReply reply, Timeline timeline, Reply planned, HttpServerResponse response,
                             RequestTrace trace) {
        return ConnectionTimer.of(response).delay(untilDue(trace, timeline.doneNanos()))
                .then(Mono.defer(() -> {
                    if (trace.fault == Fault.DROP_MID_STREAM) {
                        return dropConnection(response);
                    }
                    trace.firstTokenNanos = clock.nanos();
                    trace.tokensSent = planned.outputTokens();
                    return send(reply, response, trace);
                }));
    }

    private Mono<Void> stream(StreamFrames frames, Timeline timeline, Reply reply, HttpServerResponse response,
                              RequestTrace trace) {
        ConnectionTimer timer = ConnectionTimer.of(response);
        int chunkCount = timeline.chunks().size();
        int stop = trace.fault == Fault.DROP_MID_STREAM ? cutIndex(timeline) : chunkCount;
        Flux<String> body = Flux.range(0, stop).concatMap(i -> {
            Mono<Long> wait = i == 0 ? Mono.just(0L) : timer.delay(untilDue(trace, timeline.dueNanos()[i]));
            return wait.map(tick -> {
                if (i == 0) {
                    trace.firstTokenNanos = clock.nanos();
                }
                var chunk = timeline.chunks().get(i);
                trace.tokensSent += reply.isToolCall() ? reply.outputTokens() : chunk.to() - chunk.from();
                String frame = frames.perChunk().get(i);
                if (i < chunkCount - 1) {
                    return frame;
                }
                answered(trace);
                return frame + frames.trailer();
            });
        });
        response.status(200).header("content-type", frames.contentType());
        frames.headers().forEach(response::header);
        // Headers leave with the first chunk, as Gemini's do: nothing is subscribed before the TTFT is due.
        return timer.delay(untilDue(trace, timeline.dueNanos()[0]))
                .then(Mono.defer(() -> {
                    trace.status = 200;
                    Mono<Void> sent = response.sendString(body, StandardCharsets.UTF_8).then();
                    return stop < chunkCount ? sent.then(dropConnection(response)) : sent;
                }));
    }

    /** @param stream Gemini: the path asked for a stream; Mistral: false (the body that says so may be unread) */
    private Mono<Void> fail(ChatProtocol protocol, InboundRequest request, boolean stream, ApiError error,
                            String apiVersion, HttpServerResponse response, RequestTrace trace) {
        HttpReply reply = stream ? protocol.streamError(error, request, apiVersion) : protocol.error(error, apiVersion);
        if (error.kind() == ApiError.Kind.RATE_LIMITED && protocol.protocol() == Protocol.MISTRAL) {
            RateLimiter.Budget budget = limiter.remaining(config.models().get(error.model()),
                    protocol.apiKey(request), clock.nanos());
            reply = reply.withHeaders(MistralRateLimitHeaders.of(budget.limits(), budget.requestsRemaining(),
                    budget.tokensRemaining(), 0));
        }
        HttpReply answer = reply;
        return ConnectionTimer.of(response).delay(config.scaled(config.errorLatency()))
                .then(Mono.defer(() -> send(answer, response, trace)));
    }

    private Mono<Void> send(HttpReply reply, HttpServerResponse response, RequestTrace trace) {
        trace.status = reply.status();
        answered(trace);
        return Replies.send(response, reply);
    }

    /**
     * Counts the request as complete when its last bytes are handed to the connection, before they leave: a client
     * that has its whole answer then always finds it in the ground truth.
     */
    private void answered(RequestTrace trace) {
        trace.answered = true;
        stats.completed(trace, clock.nanos());
    }

    private static Mono<Void> dropConnection(HttpServerResponse response) {
        return Mono.fromRunnable(() -> response.withConnection(connection -> connection.channel().close()));
    }

    private Duration untilDue(RequestTrace trace, long dueNanos) {
        return Duration.ofNanos(Math.max(0, trace.startNanos + dueNanos - clock.nanos()));
    }

    private static String apiVersionOf(String path) {
        return path.contains("/v1beta/") ? "v1beta" : "v1";
    }
}
