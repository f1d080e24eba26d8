package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.ModelStats;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.SimulatorStats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Keeps the ground truth: every chat request's trace and the in-flight counters, per model and overall. */
final class StatsRecorder {

    private final SimulatorClock clock;
    private final AtomicLong ids = new AtomicLong();
    private final List<RequestTrace> traces = new ArrayList<>();
    private final Map<String, InFlight> inFlightByModel = new ConcurrentHashMap<>();
    private final InFlight inFlightTotal = new InFlight();

    StatsRecorder(SimulatorClock clock) {
        this.clock = clock;
    }

    RequestTrace arrived(Protocol protocol, long arrivalNanos) {
        var trace = new RequestTrace(ids.incrementAndGet(), protocol, arrivalNanos);
        synchronized (traces) {
            traces.add(trace);
        }
        inFlightTotal.enter();
        return trace;
    }

    /** The model is known once the request is parsed; from then on it counts towards that model's in-flight. */
    void modelKnown(RequestTrace trace, String model) {
        trace.model = model;
        trace.modelCounted = true;
        inFlightByModel.computeIfAbsent(model, m -> new InFlight()).enter();
    }

    void completed(RequestTrace trace, long nanos) {
        synchronized (trace) {
            if (trace.completionNanos >= 0) {
                return;
            }
            trace.completionNanos = nanos;
        }
        inFlightTotal.leave();
        if (trace.modelCounted) {
            inFlightByModel.get(trace.model).leave();
        }
    }

    /** Forgets every recorded request; requests still in flight keep counting as in flight until they end. */
    void reset() {
        synchronized (traces) {
            traces.clear();
        }
        inFlightTotal.resetMax();
        inFlightByModel.values().forEach(InFlight::resetMax);
    }

    SimulatorStats snapshot() {
        List<RequestRecord> records;
        synchronized (traces) {
            records = new ArrayList<>(traces.size());
            for (RequestTrace trace : traces) {
                records.add(trace.toRecord(clock));
            }
        }
        var byModel = new LinkedHashMap<String, List<RequestRecord>>();
        for (RequestRecord record : records) {
            byModel.computeIfAbsent(record.model(), m -> new ArrayList<>()).add(record);
        }
        var models = new HashMap<String, ModelStats>();
        byModel.forEach((model, list) -> models.put(model, modelStats(model, list)));
        return new SimulatorStats(clock.nowMillis(), inFlightTotal.current(), inFlightTotal.max(), models, records);
    }

    private ModelStats modelStats(String model, List<RequestRecord> records) {
        var byStatus = new HashMap<Integer, Long>();
        var arrivals = new ArrayList<Double>();
        var completions = new ArrayList<Double>();
        var ttfts = new ArrayList<Double>();
        long tokens = 0;
        long disconnects = 0;
        for (RequestRecord record : records) {
            arrivals.add(record.arrivalMillis());
            if (record.completionMillis() != null) {
                completions.add(record.completionMillis());
                byStatus.merge(record.status(), 1L, Long::sum);
            }
            if (record.appliedTtftMillis() != null) {
                ttfts.add(record.appliedTtftMillis());
            }
            tokens += record.tokensSent();
            disconnects += record.clientDisconnected() ? 1 : 0;
        }
        InFlight inFlight = inFlightByModel.getOrDefault(model, new InFlight());
        return new ModelStats(model, byStatus, inFlight.current(), inFlight.max(), tokens, disconnects, arrivals,
                completions, ttfts);
    }

    /** A counter that remembers its peak. */
    private static final class InFlight {
        private int current;
        private int max;

        synchronized void enter() {
            max = Math.max(max, ++current);
        }

        synchronized void leave() {
            current--;
        }

        synchronized void resetMax() {
            max = current;
        }

        synchronized int current() {
            return current;
        }

        synchronized int max() {
            return max;
        }
    }
}
