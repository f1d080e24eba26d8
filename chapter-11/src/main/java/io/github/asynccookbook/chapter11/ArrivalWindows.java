package io.github.asynccookbook.chapter11;

import io.github.asynccookbook.simulator.RequestRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's ground truth cut into the provider's windows: arrivals and 429s per window from the first
 * arrival, and the most requests the provider admitted within any sliding window (what its limiter counts).
 *
 * @param window   the provider's window in real time (a minute under the time scale)
 * @param arrivals requests that arrived in each window, from the first arrival on
 * @param rejected of those, the ones answered 429
 * @param busiest  the most admitted (not 429) arrivals within any window-long stretch
 */
record ArrivalWindows(Duration window, List<Integer> arrivals, List<Integer> rejected, int busiest) {

    static ArrivalWindows of(List<RequestRecord> requests, Duration window) {
        double windowMillis = window.toNanos() / 1e6;
        List<RequestRecord> sorted = requests.stream()
                .sorted((a, b) -> Double.compare(a.arrivalMillis(), b.arrivalMillis())).toList();
        var arrivals = new ArrayList<Integer>();
        var rejected = new ArrayList<Integer>();
        if (!sorted.isEmpty()) {
            double first = sorted.getFirst().arrivalMillis();
            for (RequestRecord r : sorted) {
                int slot = (int) ((r.arrivalMillis() - first) / windowMillis);
                while (arrivals.size() <= slot) {
                    arrivals.add(0);
                    rejected.add(0);
                }
                arrivals.set(slot, arrivals.get(slot) + 1);
                if (r.status() == 429) {
                    rejected.set(slot, rejected.get(slot) + 1);
                }
            }
        }
        return new ArrivalWindows(window, arrivals, rejected, busiest(sorted, windowMillis));
    }

    /** A sweep over admitted arrivals: for each, how many admitted ones arrived less than a window before it. */
    private static int busiest(List<RequestRecord> sorted, double windowMillis) {
        double[] admitted = sorted.stream().filter(r -> r.status() != 429)
                .mapToDouble(RequestRecord::arrivalMillis).toArray();
        int busiest = 0;
        int oldest = 0;
        for (int newest = 0; newest < admitted.length; newest++) {
            while (admitted[oldest] <= admitted[newest] - windowMillis) {
                oldest++;
            }
            busiest = Math.max(busiest, newest - oldest + 1);
        }
        return busiest;
    }

    int totalRejected() {
        return rejected.stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code 30 6}: arrivals per window, the 429s among them in brackets where there were any. */
    String perWindow() {
        var cells = new ArrayList<String>();
        for (int i = 0; i < arrivals.size(); i++) {
            cells.add(rejected.get(i) == 0 ? "" + arrivals.get(i) : arrivals.get(i) + " (" + rejected.get(i) + " x 429)");
        }
        return String.join(", ", cells);
    }
}
