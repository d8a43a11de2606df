using System.Net;
using System.Text.RegularExpressions;
using Outcomes.Domain.Periods;
using Outcomes.Reporting.BoardPack;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests;

/// <summary>The scorecard and measure pages show what the store holds, with the chart, its values and the explanations.</summary>
public sealed partial class MeasurePagesTests
{
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = WebHost.Create(SampleStore.Path);

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    [TestCase(null)]
    [TestCase("2017-18 Q2")]
    public async Task The_scorecard_shows_each_stored_scores_actual_target_letter_and_england_and_links_to_its_measure_page(string? period)
    {
        using var browser = await SignedInAsync(("board member", "BRD-CL1"));
        var html = WebUtility.HtmlDecode(await browser.GetPageAsync("/units/BRD-CL1/BRD-CC" + (period is null ? string.Empty : "?period=" + Uri.EscapeDataString(period))));

        var framework = (await new FrameworkRepository(SampleStore.Store).GetAsync("BRD-CC"))!;
        var all = await new ScoreRepository(SampleStore.Store).ListAsync("BRD-CC", null, "BRD-CL1");
        var quarter = period is null ? all.MaxBy(s => s.Period.End)!.Period : PeriodParser.Parse(period);
        var stored = all.Where(s => s.Period == quarter).ToList();
        var rows = Rows().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.Not.Empty);
            Assert.That(html, Does.Contain(quarter.Label));
            Assert.That(rows.Keys, Is.EquivalentTo(stored.Select(s => s.MeasureCode)), "one row per stored score of the quarter");
            foreach (var s in stored)
            {
                var m = framework.VersionOn(quarter.Start)!.Find(s.MeasureCode)!;
                var row = rows[s.MeasureCode];
                Assert.That(Field(row, "actual"), Is.EqualTo(s.Actual is { } a ? MeasureFormat.Value(m, a) : "No data"), s.MeasureCode);
                Assert.That(Field(row, "target"), Is.EqualTo(s.Target is { } t ? MeasureFormat.Value(m, t) : "No target"), s.MeasureCode);
                Assert.That(row, Does.Contain($"data-status=\"{s.Status}\">{s.StatusLetter}<span class=\"govuk-visually-hidden\">"), s.MeasureCode);
                Assert.That(Field(row, "england"), Does.StartWith(s.Comparator is { } e ? MeasureFormat.Value(m, e) : "–"), s.MeasureCode);
                Assert.That(row, Does.Contain($"href=\"/units/BRD-CL1/BRD-CC/measures/{s.MeasureCode}?period={Uri.EscapeDataString(quarter.Key)}\""), s.MeasureCode);
                Assert.That(Field(row, "direction"), Does.Match("(Improving|Worsening|No change|Increased|Decreased|Not comparable)$"), "the direction in words, not the arrow alone");
            }
        });
    }

    [Test]
    public async Task The_dashboard_links_each_unit_panel_to_its_scorecard()
    {
        using var browser = await SignedInAsync(("performance officer", "BRD-CL1"));
        var html = await browser.GetPageAsync("/");
        Assert.That(html, Does.Contain("href=\"/units/BRD-CL1/BRD-CC\""));
    }

    [Test]
    public async Task The_measure_page_draws_the_chart_with_a_text_alternative_and_lists_every_quarters_values_and_the_explanation()
    {
        using var browser = await SignedInAsync(("performance officer", "BRD-CL1"));
        var all = await new ScoreRepository(SampleStore.Store).ListAsync("BRD-CC", null, "BRD-CL1");
        var latest = all.MaxBy(s => s.Period.End)!;
        var code = latest.MeasureCode;
        var series = all.Where(s => s.MeasureCode == code).OrderBy(s => s.Period).ToList();
        var framework = (await new FrameworkRepository(SampleStore.Store).GetAsync("BRD-CC"))!;
        var m = framework.VersionOn(latest.Period.Start)!.Find(code)!;

        var response = await browser.GetAsync(new Uri($"/units/BRD-CL1/BRD-CC/measures/{code}", UriKind.Relative));
        var raw = await response.Content.ReadAsStringAsync();
        var html = WebUtility.HtmlDecode(raw);
        var svg = Svg().Match(html);
        var periods = PeriodRows().Matches(html).Select(x => x.Groups[1].Value).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(series, Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(svg.Success, Is.True, "an inline <svg> chart");
            Assert.That(svg.Value, Does.Contain("role=\"img\"").And.Contain("<title id=").And.Contain("<desc id=").And.Contain("aria-describedby="));
            Assert.That(svg.Value, Does.Contain("class=\"target-line\""), "the target line is drawn");
            Assert.That(periods, Is.EqualTo(series.Select(s => s.Period.Key)), "a row per scored quarter, oldest first");
            Assert.That(html, Does.Contain(latest.Explanation), "the quarter's explanation sentences");
            Assert.That(html, Does.Contain(MeasureDefinition.Of(m).Definition), "the measure's definition");
            Assert.That(raw, Does.Not.Contain("style=\"").And.Not.Contain("<style"), "no inline style: the CSP (style-src 'self') would block it");
            Assert.That(Regex.IsMatch(raw, "<script(?![^>]*\\bsrc=)[^>]*>"), Is.False, "no inline script");
            foreach (var s in series)
            {
                var row = PeriodRow(html, s.Period.Key);
                Assert.That(Field(row, "value"), Is.EqualTo(MeasureFormat.Value(m, s.Actual!.Value)), s.Period.Key);
                if (m.HasRatio)
                {
                    Assert.That(Field(row, "n-d"), Is.EqualTo($"{MeasureFormat.Count(s.Numerator!.Value)} / {MeasureFormat.Count(s.Denominator!.Value)}"), s.Period.Key);
                }

                Assert.That(row, Does.Contain($"data-status=\"{s.Status}\""), s.Period.Key);
            }
        });
    }

    [Test]
    public async Task A_measure_with_spc_limits_draws_them_and_the_table_gives_each_points_signal()
    {
        using var browser = await SignedInAsync(("scrutiny member", "BRD"));
        var all = await new ScoreRepository(SampleStore.Store).ListAsync("BRD-CC", null, "BRD");
        var latest = all.Where(s => s.Spc is { Variation: not Domain.Scores.SpcVariation.NotCalculable }).MaxBy(s => s.Period.End)!;
        var html = WebUtility.HtmlDecode(await browser.GetPageAsync($"/units/BRD/BRD-CC/measures/{latest.MeasureCode}?period={Uri.EscapeDataString(latest.Period.Key)}"));
        var row = PeriodRow(html, latest.Period.Key);

        Assert.Multiple(() =>
        {
            Assert.That(Svg().Match(html).Value, Does.Contain("class=\"spc-limit spc-upper\"").And.Contain("class=\"spc-limit spc-lower\""), "the SPC limits are drawn");
            Assert.That(Field(row, "spc"), latest.Spc!.IsSpecialCause ? Does.StartWith("Special cause: ") : Is.EqualTo("Common cause"));
            Assert.That(html, Does.Contain(latest.Spc.VariationLabel), "the SPC reading in the summary");
        });
    }

    [Test]
    public async Task An_unknown_measure_or_a_quarter_without_scores_is_404()
    {
        using var browser = await SignedInAsync(("performance officer", "BRD-CL1"));
        var unknown = await browser.GetAsync(new Uri("/units/BRD-CL1/BRD-CC/measures/NOPE", UriKind.Relative));
        var future = await browser.GetAsync(new Uri("/units/BRD-CL1/BRD-CC?period=2030-31%20Q1", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(future.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    internal static string Field(string row, string name)
    {
        var m = Regex.Match(row, $"data-field=\"{name}\">(.*?)</td>", RegexOptions.Singleline);
        Assert.That(m.Success, Is.True, $"no {name} cell in {row}");
        var text = Regex.Replace(m.Groups[1].Value, "<span class=\"app-direction\"[^>]*>.*?</span>", string.Empty);
        text = Regex.Replace(text, "<span[^>]*>(.*?)</span>", " $1");
        return WebUtility.HtmlDecode(text).Trim();
    }

    internal static string PeriodRow(string html, string periodKey)
    {
        var m = Regex.Match(html, $"<tr class=\"govuk-table__row\" data-period=\"{Regex.Escape(periodKey)}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.That(m.Success, Is.True, $"no row for {periodKey}");
        return m.Groups[1].Value;
    }

    private async Task<HttpClient> SignedInAsync(params (string Role, string Scope)[] roles)
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, roles);
        var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        return browser;
    }

    [GeneratedRegex("<tr class=\"govuk-table__row\" data-measure=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Rows();

    [GeneratedRegex("<tr class=\"govuk-table__row\" data-period=\"([^\"]+)\">")]
    private static partial Regex PeriodRows();

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();
}
