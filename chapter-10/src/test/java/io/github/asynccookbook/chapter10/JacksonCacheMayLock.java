package io.github.asynccookbook.chapter10;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The one blocking call BlockHound allows in this JVM: Jackson locks its deserializer cache the first time it meets a
 * type (a short, one-off lock), which the in-process simulator's event loops hit on their first request. Registered in
 * {@code META-INF/services}, so {@code blockhound-junit-platform} picks it up with Reactor's and Netty's integrations.
 */
public final class JacksonCacheMayLock implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("com.fasterxml.jackson.databind.deser.DeserializerCache",
                "_createAndCacheValueDeserializer");
    }
}
