package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.Protocol;

import java.util.random.RandomGenerator;

/** Response ids in each provider's shape: Gemini ~23 URL-safe base64 characters, Mistral 32 lowercase hex. */
final class ResponseIds {

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String HEX = "0123456789abcdef";

    private ResponseIds() {
    }

    static String next(Protocol protocol, RandomGenerator random) {
        return protocol == Protocol.GEMINI ? draw(BASE64URL, 23, random) : draw(HEX, 32, random);
    }

    private static String draw(String alphabet, int length, RandomGenerator random) {
        var id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
