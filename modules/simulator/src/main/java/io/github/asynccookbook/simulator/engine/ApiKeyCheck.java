package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.ChatProtocol;
import io.github.asynccookbook.simulator.protocol.InboundRequest;

/** A key is required; when the config names one, only that key is accepted. */
final class ApiKeyCheck {

    private final SimulatorConfig config;

    ApiKeyCheck(SimulatorConfig config) {
        this.config = config;
    }

    /** @return the request's key; @throws ApiError MISSING_KEY or INVALID_KEY */
    String verify(ChatProtocol protocol, InboundRequest request) {
        String key = protocol.apiKey(request);
        String expected = protocol.protocol() == Protocol.GEMINI ? config.geminiApiKey() : config.mistralApiKey();
        if (key == null) {
            throw ApiError.of(ApiError.Kind.MISSING_KEY, null);
        }
        if (expected != null && !expected.equals(key)) {
            throw ApiError.of(ApiError.Kind.INVALID_KEY, null);
        }
        return key;
    }
}
