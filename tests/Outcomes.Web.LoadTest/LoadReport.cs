using System.Globalization;
using System.Text;

namespace Outcomes.Web.LoadTest;

/// <summary>Latency per request kind (nearest-rank percentiles), error counts and the store check, as text.</summary>
public static class LoadReport
{
    public static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Describe(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{result.Plan.Readers} readers × {result.Plan.RequestsPerReader} dashboards, {result.Plan.Uploads} concurrent uploads (validate, confirm): {result.Requests.Count} requests in {result.Elapsed.TotalSeconds:0.0} s ({result.Requests.Count / result.Elapsed.TotalSeconds:0} requests/s)");
        text.AppendLine("| request | count | errors | p50 ms | p95 ms | max ms |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var kind in result.Requests.GroupBy(r => r.Kind).OrderBy(g => Order(g.Key)))
        {
            var sorted = kind.Select(r => r.Milliseconds).Order().ToList();
            text.AppendLine(c, $"| {kind.Key} | {sorted.Count} | {kind.Count(r => r.Error is not null)} | {Percentile(sorted, 0.50):0} | {Percentile(sorted, 0.95):0} | {sorted[^1]:0} |");
        }

        foreach (var error in result.Errors.GroupBy(e => e.Error).Take(10))
        {
            text.AppendLine(c, $"error ×{error.Count()}: {error.Key}");
        }

        text.AppendLine(result.StoreProblems.Count == 0
            ? $"Store: each of the {result.Plan.Uploads} uploads stored exactly once (one return, one version); nothing else added."
            : "Store: " + string.Join("; ", result.StoreProblems));
        return text.ToString();
    }

    private static int Order(string kind) => Array.IndexOf(["sign-in", "dashboard", "validate", "confirm"], kind) is var i and >= 0 ? i : 99;
}
