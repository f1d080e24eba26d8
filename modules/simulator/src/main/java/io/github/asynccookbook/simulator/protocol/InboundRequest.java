package io.github.asynccookbook.simulator.protocol;

import java.util.Map;

/**
 * An HTTP request as the protocol adapters see it: header names in lower case, query parameters decoded
 * (first value wins), the body fully read.
 */
public record InboundRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                             byte[] body) {

    private static final byte[] NO_BODY = new byte[0];

    /** A request whose body is not read (yet). */
    public static InboundRequest head(String method, String path, Map<String, String> query,
                                      Map<String, String> headers) {
        return new InboundRequest(method, path, query, headers, NO_BODY);
    }

    public InboundRequest withBody(byte[] body) {
        return new InboundRequest(method, path, query, headers, body);
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
