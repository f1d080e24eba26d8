package io.github.asynccookbook.simulator.batch;

import io.github.asynccookbook.simulator.protocol.HttpReply;

/**
 * What one item of a batch came to: the online API's whole answer to it, a success or the provider's error reply.
 *
 * @param index  the item's position in the submitted batch
 * @param answer the body the online API would have sent for this request (a chat completion or an error)
 */
public record ItemOutcome(int index, BatchItem item, HttpReply answer) {

    public boolean succeeded() {
        return answer.status() == 200;
    }
}
