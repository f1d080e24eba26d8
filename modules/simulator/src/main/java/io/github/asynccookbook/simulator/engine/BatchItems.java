package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.Fault;
import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.batch.BatchItem;
import io.github.asynccookbook.simulator.batch.ItemOutcome;
import io.github.asynccookbook.simulator.content.Directives;
import io.github.asynccookbook.simulator.conversation.Reply;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.ChatCall;
import io.github.asynccookbook.simulator.protocol.ChatProtocol;
import io.github.asynccookbook.simulator.protocol.InboundRequest;
import io.github.asynccookbook.simulator.protocol.ResponseMeta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Answers a batch's items as the online API would answer each request: same parsing, same content for the same
 * request and seed, same errors. A fault ({@code [sim:fault=500]} in an item's prompt, or the configured fault rates)
 * fails that item only; stalls and dropped streams have no meaning offline and are ignored.
 */
final class BatchItems {

    private final SimulatorConfig config;
    private final Rolls rolls;
    private final ChatExchange chat;

    BatchItems(SimulatorConfig config, Rolls rolls, ChatExchange chat) {
        this.config = config;
        this.rolls = rolls;
        this.chat = chat;
    }

    List<ItemOutcome> answer(ChatProtocol protocol, String model, String apiVersion, List<BatchItem> items) {
        List<ItemOutcome> outcomes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            outcomes.add(answer(protocol, model, apiVersion, i, items.get(i)));
        }
        return outcomes;
    }

    private ItemOutcome answer(ChatProtocol protocol, String model, String apiVersion, int index, BatchItem item) {
        boolean gemini = protocol.protocol() == Protocol.GEMINI;
        var request = new InboundRequest("POST", gemini ? "/" + apiVersion + "/models/" + model + ":generateContent"
                : "/v1/chat/completions", Map.of(), Map.of(), item.body());
        try {
            ChatCall call = protocol.parseChat(request, gemini ? model : null, false);
            ModelProfile profile = config.models().get(call.model());
            if (profile == null || profile.protocol() != protocol.protocol()) {
                throw ApiError.of(ApiError.Kind.MODEL_NOT_FOUND, call.model());
            }
            protocol.checkLimits(call, profile);
            long requestHash = Rolls.hash(call.model(), item.body());
            SplittableRandom random = rolls.nextOccurrence(requestHash);
            Directives directives = Directives.parse(call.conversation().lastUserText());
            Fault fault = directives.fault().orElseGet(() -> config.faultRates().pick(random.nextDouble()));
            failIfFaulted(fault, profile);
            Reply reply = chat.write(call, profile, directives, rolls.contentSeed(requestHash, call.seed()));
            var meta = new ResponseMeta(ResponseIds.next(protocol.protocol(), random),
                    System.currentTimeMillis() / 1000, Map.of());
            return new ItemOutcome(index, item, protocol.unary(call, reply, meta));
        } catch (ApiError error) {
            return new ItemOutcome(index, item, protocol.error(error, apiVersion));
        }
    }

    private void failIfFaulted(Fault fault, ModelProfile profile) {
        switch (fault) {
            case INTERNAL -> throw ApiError.of(ApiError.Kind.INTERNAL, null);
            case OVERLOADED -> throw ApiError.of(ApiError.Kind.OVERLOADED, null);
            case RATE_LIMITED -> throw ApiError.rateLimited(profile.model(), ApiError.Quota.REQUESTS_PER_WINDOW,
                    Math.max(1, profile.limits(config.tier()).requests()),
                    config.scaled(profile.limits(config.tier()).requestWindow()));
            case null, default -> {
            }
        }
    }
}
