package io.github.asynccookbook.simulator.protocol;

import java.util.Map;

/**
 * An HTTP request as the protocol adapters see it: header names in lower case, query parameters decoded
 * (first value wins), the body fully read.
 */
public record InboundRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                             byte[] body) {

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
