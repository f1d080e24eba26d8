package io.github.asynccookbook.simulator;

import java.util.EnumMap;
import java.util.Map;

/** Probability of each fault per request, rolled deterministically from the seed and the request. */
public record FaultRates(Map<Fault, Double> rates) {

    public static final FaultRates NONE = new FaultRates(Map.of());

    public FaultRates {
        rates = Map.copyOf(rates);
        double sum = 0;
        for (var entry : rates.entrySet()) {
            if (!(entry.getValue() >= 0 && entry.getValue() <= 1)) {   // NaN fails both
                throw new IllegalArgumentException("fault rate for " + entry.getKey().code()
                        + " must be a number from 0 to 1, got " + entry.getValue());
            }
            sum += entry.getValue();
        }
        if (sum > 1) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
    }

    public double rate(Fault fault) {
        return rates.getOrDefault(fault, 0.0);
    }

    public FaultRates with(Fault fault, double rate) {
        var copy = new EnumMap<Fault, Double>(Fault.class);
        copy.putAll(rates);
        copy.put(fault, rate);
        return new FaultRates(copy);
    }

    /** The fault whose slice of [0, 1) holds {@code roll}, or null for none. */
    public Fault pick(double roll) {
        double edge = 0;
        for (Fault fault : Fault.values()) {
            edge += rate(fault);
            if (roll < edge) {
                return fault;
            }
        }
        return null;
    }
}
