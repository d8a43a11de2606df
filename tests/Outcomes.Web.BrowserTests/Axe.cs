using System.Text.Json;
using Microsoft.Playwright;

namespace Outcomes.Web.BrowserTests;

/// <summary>One axe-core finding: rule, impact, the elements (CSS selectors) and where the rule is explained.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<string> Targets)
{
    public bool Blocks => Impact is "serious" or "critical";

    public override string ToString() => $"{Id} ({Impact}): {Help} at {string.Join(", ", Targets)} – {HelpUrl}";
}

/// <summary>
/// Runs axe-core (npm, pinned in package.json beside the project; `make setup` installs it) on the open page. The page's
/// CSP forbids inline script, so the page must be in a context opened with BypassCSP.
/// </summary>
internal static class Axe
{
    private const string Run = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map(v => ({
            id: v.id, impact: v.impact ?? 'unknown', help: v.help, helpUrl: v.helpUrl,
            targets: v.nodes.map(n => n.target.join(' '))
          }));
        }
        """;

    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(LiveSite.RepositoryRoot, "tests", "Outcomes.Web.BrowserTests", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException($"axe-core is not installed at {path}: run `make setup` (it runs `npm ci` in tests/Outcomes.Web.BrowserTests; apt-get install npm first if npm is missing).", path);
    });

    public static async Task<IReadOnlyList<AxeViolation>> CheckAsync(IPage page)
    {
        // Once per loaded page: checking again (at another width) reuses the copy already there.
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Source.Value });
        }

        var found = await page.EvaluateAsync<JsonElement>(Run);
        return found.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!,
            v.GetProperty("helpUrl").GetString()!,
            v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();
    }
}
