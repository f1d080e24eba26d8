package io.github.asynccookbook.simulator.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The JSON factory both adapters read requests with. Jackson refuses strings over 20 million characters by default,
 * which would answer a valid prompt within the request size limit "Invalid JSON"; the size limit bounds them instead.
 */
public final class RequestJson {

    private RequestJson() {
    }

    public static JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .build();
    }
}
