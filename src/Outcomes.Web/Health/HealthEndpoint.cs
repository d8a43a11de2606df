using Dapper;
using Microsoft.Extensions.Options;
using Outcomes.Storage;
using Outcomes.Web.Configuration;

namespace Outcomes.Web.Health;

/// <summary>/health: is the store answering, and is the browser that prints packs installed.</summary>
public static class HealthEndpoint
{
    public sealed record Check(string Name, bool Healthy, string Detail);

    public sealed record Report(string Status, IReadOnlyList<Check> Checks);

    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/health", async (OutcomesStore store, IOptions<OutcomesWebOptions> options, ILoggerFactory logs, CancellationToken ct) =>
        {
            var checks = new List<Check> { await CheckStoreAsync(store, logs.CreateLogger("Outcomes.Health"), ct), CheckBrowser(options.Value.ChromiumPath) };
            var healthy = checks.TrueForAll(c => c.Healthy);
            return Results.Json(new Report(healthy ? "Healthy" : "Unhealthy", checks), statusCode: healthy ? 200 : 503);
        }).AllowAnonymous();

    private static async Task<Check> CheckStoreAsync(OutcomesStore store, ILogger logger, CancellationToken ct)
    {
        try
        {
            await using var connection = await store.OpenAsync(ct);
            var applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM schema_versions", cancellationToken: ct));
            return new Check("store", true, $"{store.Provider}: {applied} schema scripts applied");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Health check could not reach the {Provider} store", store.Provider);
            return new Check("store", false, $"{store.Provider}: not reachable ({ex.GetType().Name})");
        }
    }

    private static Check CheckBrowser(string path) => File.Exists(path)
        ? new Check("browser", true, $"Chromium at {path}")
        : new Check("browser", false, $"No Chromium at {path}: apt-get install chromium, or set Outcomes:ChromiumPath / OUTCOMES_CHROMIUM");
}
