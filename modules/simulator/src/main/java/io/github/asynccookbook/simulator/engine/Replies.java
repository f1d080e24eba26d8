package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.protocol.HttpReply;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/** Writes a complete {@link HttpReply}. */
final class Replies {

    private Replies() {
    }

    static Mono<Void> send(HttpServerResponse response, HttpReply reply) {
        response.status(reply.status()).header("content-type", reply.contentType());
        reply.headers().forEach(response::header);
        return response.sendByteArray(Mono.just(reply.body())).then();
    }
}
