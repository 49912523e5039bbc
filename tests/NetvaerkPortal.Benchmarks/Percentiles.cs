namespace NetvaerkPortal.Benchmarks;

/// <summary>The nearest-rank percentile the latency tables report (p50, p95); NaN for no values.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> values, int percent)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
