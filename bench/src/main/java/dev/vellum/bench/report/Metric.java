package dev.vellum.bench.report;

/**
 * One row of the results table: a measured quantity for Vellum and, where DSS does the same work,
 * for DSS, with the target when it has one.
 *
 * @param section validation, extension, ers, memory or revalidation
 * @param name what was measured, with its unit
 * @param vellum Vellum's value ({@code NaN} when not measured)
 * @param dss DSS's value ({@code NaN} when DSS does not do this work or was not measured)
 * @param higherIsBetter whether a larger value is better (throughput) or worse (latency, memory)
 * @param target the target as text (empty when none), e.g. "≥ 2,000" or "≥ 30× DSS"
 * @param met whether the target is met (null when there is no target)
 * @param note what the number covers
 */
public record Metric(String section, String name, double vellum, double dss, boolean higherIsBetter,
                     String target, Boolean met, String note) {

    /** Vellum's advantage: Vellum/DSS for throughputs, DSS/Vellum for costs; NaN without both values. */
    public double ratio() {
        if (Double.isNaN(vellum) || Double.isNaN(dss) || vellum == 0 || dss == 0) {
            return Double.NaN;
        }
        return higherIsBetter ? vellum / dss : dss / vellum;
    }

    public static Metric of(String section, String name, double vellum, double dss, boolean higherIsBetter, String note) {
        return new Metric(section, name, vellum, dss, higherIsBetter, "", null, note);
    }

    public Metric withTarget(String text, boolean reached) {
        return new Metric(section, name, vellum, dss, higherIsBetter, text, reached, note);
    }
}
