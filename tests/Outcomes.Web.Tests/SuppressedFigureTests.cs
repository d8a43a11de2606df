using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Outcomes.Domain.Periods;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests;

/// <summary>
/// Figures withheld from publication never reach a page or the API: a disclosive figure (numerator 3 under Blackpool's
/// threshold of 5) shows as "c", a suppressed one as its code, and the hidden number appears nowhere, not in the chart,
/// the explanation, nor the next quarter's explanation that quotes it as the previous value. On a copy of the sample
/// store whose Blackpool scores for BO01 at Bispham were rewritten so, as scoring would have stored them.
/// </summary>
public sealed class SuppressedFigureTests
{
    private const string Unit = "BPL-C01";
    private const string Framework = "BPL-CCO";
    private const string Measure = "BO01";
    private const decimal Hidden = 300m / 7m; // 42.857…%: "42.9%" must not appear anywhere.

    private static readonly Period Q2 = PeriodParser.Parse("2018-19 Q2");
    private static readonly Period Q3 = PeriodParser.Parse("2018-19 Q3");
    private static readonly Period Q4 = PeriodParser.Parse("2018-19 Q4");

    private string _folder = string.Empty;
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public async Task CopyTheStoreAndHideFiguresAsync()
    {
        _folder = Directory.CreateTempSubdirectory("outcomes-web-suppressed-").FullName;
        var path = Path.Combine(_folder, "outcomes.db");
        using (var source = new SqliteConnection(StoreOptions.SqliteConnectionString(SampleStore.Path)))
        using (var copy = new SqliteConnection(StoreOptions.SqliteConnectionString(path)))
        {
            source.Open();
            copy.Open();
            source.BackupDatabase(copy);
        }

        var scores = new ScoreRepository(OutcomesStore.Sqlite(path));
        var periods = new[] { Q2, Q3, Q4 };
        var all = (await scores.ListAsync(Framework)).Where(s => periods.Contains(s.Period)).ToList();
        var changed = all.Select(s => !(s.OrgUnitCode == Unit && s.MeasureCode == Measure) ? s
            : s.Period == Q2 ? s with { Actual = null, Numerator = null, Denominator = null, LowerCi = null, UpperCi = null, SuppressionReason = "x", Explanation = "Not rated: the figure was suppressed (x)." }
            : s.Period == Q3 ? s with { Actual = Hidden, Numerator = 3, Denominator = 7, LowerCi = 15.8m, UpperCi = 75.0m, Explanation = "Red: 42.9% is 37.1 points below the 80.0% target (amber within 3.0 points)." }
            : s with { PreviousValue = Hidden, Explanation = s.Explanation.Split(". ")[0] + ". Improving from 42.9% the previous quarter." }).ToList();
        Assert.That(changed.Count(s => s.OrgUnitCode == Unit && s.MeasureCode == Measure), Is.EqualTo(3));
        await scores.ReplaceAsync(Framework, changed);
        _host = WebHost.Create(path);
    }

    [OneTimeTearDown]
    public void Remove()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task The_measure_page_shows_c_and_the_code_and_the_hidden_number_is_nowhere_in_the_html()
    {
        using var browser = await BrowserAsync();
        var html = await browser.GetPageAsync($"/units/{Unit}/{Framework}/measures/{Measure}");
        var q2 = MeasurePagesTests.PeriodRow(html, Q2.Key);
        var q3 = MeasurePagesTests.PeriodRow(html, Q3.Key);

        Assert.Multiple(() =>
        {
            Assert.That(MeasurePagesTests.Field(q3, "value"), Is.EqualTo("c"));
            Assert.That(MeasurePagesTests.Field(q3, "n-d"), Is.EqualTo("c / c"));
            Assert.That(MeasurePagesTests.Field(q3, "spc"), Is.EqualTo("–"), "no SPC reading of a hidden figure");
            Assert.That(MeasurePagesTests.Field(q2, "value"), Is.EqualTo("x"));
            Assert.That(html, Does.Contain("<svg "), "the chart is still drawn, with gaps");
            Assert.That(html, Does.Not.Contain("42.9").And.Not.Contain("42.86").And.Not.Contain("3 / 7").And.Not.Contain("15.8").And.Not.Contain("75.0%"));
            Assert.That(html, Does.Contain("Not shown: it would quote a figure withheld"), "Q4's explanation quotes Q3's hidden figure, so it is withheld");
        });
    }

    [Test]
    public async Task The_scorecard_for_the_hidden_quarter_shows_c_without_the_number()
    {
        using var browser = await BrowserAsync();
        var html = await browser.GetPageAsync($"/units/{Unit}/{Framework}?period={Uri.EscapeDataString(Q3.Key)}");
        var row = System.Text.RegularExpressions.Regex.Match(html, $"data-measure=\"{Measure}\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Multiple(() =>
        {
            Assert.That(MeasurePagesTests.Field(row, "actual"), Is.EqualTo("c"));
            Assert.That(html, Does.Not.Contain("42.9"));
        });
    }

    [Test]
    public async Task The_api_gives_null_with_suppressed_true_and_never_the_number()
    {
        var email = await AddUserAsync();
        using var api = _host.Api(await TokenAsync(email));
        var seriesBody = await api.GetStringAsync(new Uri($"/api/v1/units/{Unit}/{Framework}/measures/{Measure}/series", UriKind.Relative));
        var cardBody = await api.GetStringAsync(new Uri($"/api/v1/units/{Unit}/{Framework}/scorecard?period={Uri.EscapeDataString(Q3.Key)}", UriKind.Relative));
        var points = JsonDocument.Parse(seriesBody).RootElement.GetProperty("points").EnumerateArray().ToDictionary(p => p.GetProperty("period").GetString()!);
        var line = JsonDocument.Parse(cardBody).RootElement.EnumerateArray().Single(l => l.GetProperty("measureCode").GetString() == Measure);

        Assert.Multiple(() =>
        {
            foreach (var (key, text) in new[] { (Q2.Key, "x"), (Q3.Key, "c") })
            {
                var p = points[key];
                Assert.That(p.GetProperty("value").ValueKind, Is.EqualTo(JsonValueKind.Null), key);
                Assert.That(p.GetProperty("suppressed").GetBoolean(), Is.True, key);
                Assert.That(p.GetProperty("valueText").GetString(), Is.EqualTo(text), key);
                Assert.That(p.GetProperty("numerator").ValueKind, Is.EqualTo(JsonValueKind.Null), key);
                Assert.That(p.GetProperty("lowerCi").ValueKind, Is.EqualTo(JsonValueKind.Null), key);
                Assert.That(p.GetProperty("spc").ValueKind, Is.EqualTo(JsonValueKind.Null), key);
            }

            Assert.That(points[Q4.Key].GetProperty("suppressed").GetBoolean(), Is.False);
            Assert.That(points[Q4.Key].GetProperty("value").GetDecimal(), Is.GreaterThan(0));
            Assert.That(line.GetProperty("value").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(line.GetProperty("suppressed").GetBoolean(), Is.True);
            Assert.That(line.GetProperty("explanation").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(seriesBody + cardBody, Does.Not.Contain("42.9").And.Not.Contain("42.85"));
        });
    }

    [Test]
    public async Task The_older_scorecard_api_gives_null_with_suppressed_true_and_never_the_number()
    {
        var email = await AddUserAsync();
        using var api = _host.Api(await TokenAsync(email));
        var bodies = new Dictionary<string, string>();
        foreach (var q in new[] { Q2, Q3, Q4 })
        {
            bodies[q.Key] = await api.GetStringAsync(new Uri($"/api/v1/scorecards/{Framework}/{Unit}?period={Uri.EscapeDataString(q.Key)}", UriKind.Relative));
        }

        JsonElement Line(Period q) => JsonDocument.Parse(bodies[q.Key]).RootElement.EnumerateArray().Single(l => l.GetProperty("measureCode").GetString() == Measure);

        Assert.Multiple(() =>
        {
            foreach (var (q, text) in new[] { (Q2, "x"), (Q3, "c") })
            {
                var line = Line(q);
                Assert.That(line.GetProperty("actual").ValueKind, Is.EqualTo(JsonValueKind.Null), q.Key);
                Assert.That(line.GetProperty("suppressed").GetBoolean(), Is.True, q.Key);
                Assert.That(line.GetProperty("valueText").GetString(), Is.EqualTo(text), q.Key);
            }

            Assert.That(Line(Q3).GetProperty("explanation").ValueKind, Is.EqualTo(JsonValueKind.Null), "it quotes the disclosive figure");
            Assert.That(Line(Q2).GetProperty("explanation").GetString(), Does.StartWith("Not rated"), "a suppressed figure's explanation quotes no number");
            Assert.That(Line(Q4).GetProperty("suppressed").GetBoolean(), Is.False);
            Assert.That(Line(Q4).GetProperty("actual").GetDecimal(), Is.GreaterThan(0));
            Assert.That(Line(Q4).GetProperty("explanation").ValueKind, Is.EqualTo(JsonValueKind.Null), "Q4's explanation quotes Q3's hidden figure as the previous one");
            var others = JsonDocument.Parse(bodies[Q4.Key]).RootElement.EnumerateArray().Where(l => l.GetProperty("measureCode").GetString() != Measure).ToList();
            Assert.That(others.Where(l => !l.GetProperty("suppressed").GetBoolean()).Select(l => l.GetProperty("explanation").GetString()), Has.Some.Not.Null,
                "publishable explanations are still given");
            Assert.That(string.Concat(bodies.Values), Does.Not.Contain("42.9").And.Not.Contain("42.85").And.Not.Contain("42.86"));
        });
    }

    private async Task<HttpClient> BrowserAsync()
    {
        var browser = _host.Browser();
        var response = await browser.SignInAsync(await AddUserAsync(), WebHost.Password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return browser;
    }

    // Users go into this copy of the store, not the shared one.
    private Task<string> AddUserAsync() => SampleStore.AddUserAsync(Store, WebHost.Password, ("board member", "BPL"));

    private Task<string> TokenAsync(string email) => SampleStore.TokenAsync(Store, email);

    private OutcomesStore Store => OutcomesStore.Sqlite(Path.Combine(_folder, "outcomes.db"));
}
