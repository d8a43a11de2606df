using System.Net;
using System.Text.Json;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests;

/// <summary>
/// Who sees the scorecard and measure pages and their API: every role that can view, over its scope; anyone else gets a
/// 404 that reads like nothing being there, by URL and by API token.
/// </summary>
public sealed class MeasureAccessTests
{
    private const string Measure = "BR1";
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = WebHost.Create(SampleStore.Path);

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    private static string[] Paths(string unit) =>
    [
        $"/units/{unit}/BRD-CC",
        $"/units/{unit}/BRD-CC/measures/{Measure}",
        $"/api/v1/units/{unit}/BRD-CC/scorecard",
        $"/api/v1/units/{unit}/BRD-CC/measures/{Measure}/series",
    ];

    [TestCase("administrator")]
    [TestCase("performance officer")]
    [TestCase("approver")]
    [TestCase("board member")]
    [TestCase("scrutiny member")]
    public async Task Every_role_that_can_view_sees_its_units_pages_and_api_by_cookie_and_by_token(string role)
    {
        Assert.That((await new FrameworkRepository(SampleStore.Store).GetAsync("BRD-CC"))!.Versions[^1].Find(Measure), Is.Not.Null, "the measure exists");
        var email = await SampleStore.AddUserAsync(WebHost.Password, (role, "BRD-CL1"));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        using var api = _host.Api(await SampleStore.TokenAsync(email));

        Assert.Multiple(async () =>
        {
            foreach (var path in Paths("BRD-CL1"))
            {
                Assert.That((await browser.GetAsync(new Uri(path, UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{role} by cookie: {path}");
                if (path.StartsWith("/api/", StringComparison.Ordinal))
                {
                    Assert.That((await api.GetAsync(new Uri(path, UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{role} by token: {path}");
                }
            }
        });
    }

    [TestCase("performance officer", "BRD-CL1", "BRD-CL2", "a sibling cluster")]
    [TestCase("board member", "BRD-CL1", "BRD", "the authority above its scope")]
    [TestCase("administrator", "LDS", "BRD-CL1", "another authority's cluster")]
    [TestCase("scrutiny member", "LDS", "BRD", "another authority")]
    public async Task Outside_the_scope_every_page_and_api_call_is_404_like_a_unit_that_does_not_exist(string role, string scope, string unit, string what)
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, (role, scope));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        using var api = _host.Api(await SampleStore.TokenAsync(email));
        var missingBody = await (await api.GetAsync(new Uri("/api/v1/units/NOPE-1/BRD-CC/scorecard", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            foreach (var path in Paths(unit))
            {
                Assert.That((await browser.GetAsync(new Uri(path, UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{what} by cookie: {path}");
                if (path.StartsWith("/api/", StringComparison.Ordinal))
                {
                    Assert.That((await api.GetAsync(new Uri(path, UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{what} by token: {path}");
                }
            }

            var body = await (await api.GetAsync(new Uri($"/api/v1/units/{unit}/BRD-CC/scorecard", UriKind.Relative))).Content.ReadAsStringAsync();
            Assert.That(body.Replace($"'{unit}'", "'{unit}'", StringComparison.Ordinal), Is.EqualTo(missingBody.Replace("'NOPE-1'", "'{unit}'", StringComparison.Ordinal)), "the same answer as for nothing at all");
        });
    }

    [Test]
    public async Task Without_a_token_the_measure_api_answers_401_and_a_bad_period_400()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        using var anonymous = _host.Api(null);
        using var api = _host.Api(await SampleStore.TokenAsync(email));
        var anon = await anonymous.GetAsync(new Uri("/api/v1/units/BRD/BRD-CC/scorecard", UriKind.Relative));
        var bad = await api.GetAsync(new Uri("/api/v1/units/BRD/BRD-CC/scorecard?period=Q9", UriKind.Relative));
        Assert.Multiple(async () =>
        {
            Assert.That(anon.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("period"));
        });
    }

    [Test]
    public async Task The_api_scorecard_and_series_match_the_stored_scores()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD-CL1"));
        using var api = _host.Api(await SampleStore.TokenAsync(email));
        var framework = (await new FrameworkRepository(SampleStore.Store).GetAsync("BRD-CC"))!;
        var all = await new ScoreRepository(SampleStore.Store).ListAsync("BRD-CC", null, "BRD-CL1");
        var quarter = PeriodParser.Parse("2018-19 Q3");
        var stored = all.Where(s => s.Period == quarter).ToDictionary(s => s.MeasureCode);
        var card = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/units/BRD-CL1/BRD-CC/scorecard?period={Uri.EscapeDataString(quarter.Key)}", UriKind.Relative))).RootElement;
        var series = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/units/BRD-CL1/BRD-CC/measures/{Measure}/series", UriKind.Relative))).RootElement;
        var storedSeries = all.Where(s => s.MeasureCode == Measure).OrderBy(s => s.Period).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(card.EnumerateArray().Select(l => l.GetProperty("measureCode").GetString()), Is.EquivalentTo(stored.Keys));
            foreach (var line in card.EnumerateArray())
            {
                var s = stored[line.GetProperty("measureCode").GetString()!];
                var m = framework.VersionOn(quarter.Start)!.Find(s.MeasureCode)!;
                Assert.That(line.GetProperty("period").GetString(), Is.EqualTo(quarter.Key));
                Assert.That(Dec(line.GetProperty("value")), Is.EqualTo(s.Actual is { } a ? MeasureFormat.Rounded(m, a) : null), s.MeasureCode);
                Assert.That(line.GetProperty("suppressed").GetBoolean(), Is.False);
                Assert.That(line.GetProperty("status").GetString(), Is.EqualTo(s.Status.ToString()));
                Assert.That(line.GetProperty("letter").GetString(), Is.EqualTo(s.StatusLetter));
                Assert.That(line.GetProperty("direction").GetString(), Is.EqualTo(s.DirectionFromPrevious.ToString()));
                Assert.That(line.GetProperty("explanation").GetString(), Is.EqualTo(s.Explanation));
                var england = line.GetProperty("comparators")[0];
                Assert.That(england.GetProperty("name").GetString(), Is.EqualTo("England"));
                Assert.That(england.GetProperty("comparison").GetString(), Is.EqualTo(s.ComparedWithEngland.ToString()));
                Assert.That(Dec(england.GetProperty("value")), Is.EqualTo(s.Comparator));
            }

            var points = series.GetProperty("points").EnumerateArray().ToList();
            Assert.That(series.GetProperty("measureCode").GetString(), Is.EqualTo(Measure));
            Assert.That(points.Select(p => p.GetProperty("period").GetString()), Is.EqualTo(storedSeries.Select(s => s.Period.Key)));
            foreach (var (p, s) in points.Zip(storedSeries))
            {
                Assert.That(Dec(p.GetProperty("numerator")), Is.EqualTo(s.Numerator), s.Period.Key);
                Assert.That(Dec(p.GetProperty("denominator")), Is.EqualTo(s.Denominator), s.Period.Key);
                Assert.That(Dec(p.GetProperty("target")), Is.EqualTo(s.Target), s.Period.Key);
                Assert.That(p.GetProperty("status").GetString(), Is.EqualTo(s.Status.ToString()), s.Period.Key);
                Assert.That(Dec(p.GetProperty("lowerCi")), Is.EqualTo(s.LowerCi), s.Period.Key);
                if (s.Spc is { } spc)
                {
                    Assert.That(p.GetProperty("spc").GetProperty("variation").GetString(), Is.EqualTo(spc.Variation.ToString()), s.Period.Key);
                    Assert.That(p.GetProperty("spc").GetProperty("upper").GetDecimal(), Is.EqualTo(spc.Upper), s.Period.Key);
                }
            }
        });
    }

    private static decimal? Dec(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();
}
