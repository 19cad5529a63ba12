package com.portfolio.bridge.bench;

import java.util.List;

/** One row's rounds: their median and range (NaN rounds left out; n 0 when none had a figure). */
record Spread(double median, double min, double max, int n) {

    static Spread of(List<Double> values) {
        double[] known = values.stream().filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue).sorted().toArray();
        int n = known.length;
        if (n == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double median = n % 2 == 1 ? known[n / 2] : (known[n / 2 - 1] + known[n / 2]) / 2;
        return new Spread(median, known[0], known[n - 1], n);
    }
}
