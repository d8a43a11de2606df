using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Outcomes.Web.Tests;

/// <summary>
/// /api/v1/frameworks/{code} and its targets upload, by API token: reading per role, writing only as an administrator
/// over the authority (403 for the rest of the authority), and 404 for another authority's framework, by token and by a
/// signed-in browser typing the URL, with the same body as for a framework that does not exist.
/// </summary>
public sealed class FrameworkApiTests
{
    private FrameworkTestStore _store = null!;
    private WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _store = new FrameworkTestStore();
        _host = WebHost.Create(_store.Path);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _host.Dispose();
        _store.Dispose();
    }

    [Test]
    public async Task A_reader_gets_the_framework_with_its_measures_and_the_targets_in_scope()
    {
        using var api = _host.Api(await _store.TokenAsync(await _store.AddUserAsync(("board member", "BRD-CL1"))));

        var response = await api.GetAsync(new Uri("/api/v1/frameworks/BRD-CC", UriKind.Relative));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var units = json.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("orgUnit").GetString()).Distinct().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(json.GetProperty("currentVersion").GetInt32(), Is.EqualTo(1));
            Assert.That(json.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("code").GetString()), Does.Contain("BR1"));
            Assert.That(json.GetProperty("versions")[0].GetProperty("loadedBy").GetString(), Is.EqualTo("command line (YAML)"));
            Assert.That(units, Does.Contain("default"));
            Assert.That(units, Does.Not.Contain("BRD-CL4"), "another cluster's own targets are outside a cluster board member's scope");
        });
    }

    [Test]
    public async Task Targets_by_api_validate_then_import_a_csv_and_report_each_problem_with_its_cell()
    {
        using var api = _host.Api(await _store.TokenAsync(await _store.AddUserAsync(("administrator", "BPL"))));
        var code = await FrameworkOfAsync(api);
        var before = await _store.CountTargetsAsync(code);
        var measure = await FirstMeasureAsync(api, code);
        var bad = $"Org unit,Measure,From,To,Target\r\ndefault,{measure},2018-19,,abc\r\nNOPE,{measure},,,10\r\n";
        var good = $"Org unit,Measure,From,To,Target,Tolerance\r\ndefault,{measure},,,{GoodValue(measure)},1\r\n";

        var refused = await PostCsvAsync(api, code, "import", bad);
        var refusedJson = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        var afterRefused = await _store.CountTargetsAsync(code);
        var validated = await PostCsvAsync(api, code, "validate", good);
        var imported = await PostCsvAsync(api, code, "import", good);
        var importedJson = JsonDocument.Parse(await imported.Content.ReadAsStringAsync()).RootElement;

        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(refusedJson.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("cell").GetString()} {p.GetProperty("rule").GetString()}"),
                Is.EqualTo(new[] { "E2 target.value", "A3 target.org-unit.unknown" }));
            Assert.That(refusedJson.GetProperty("problems")[0].GetProperty("sheet").ValueKind, Is.EqualTo(JsonValueKind.Null), "a CSV has no sheet");
            Assert.That(afterRefused, Is.EqualTo(before), "nothing stored");
            Assert.That(validated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.Created), await imported.Content.ReadAsStringAsync());
            Assert.That(importedJson.GetProperty("targetsAfter").GetInt32(), Is.EqualTo(1));
            Assert.That(importedJson.GetProperty("rescored").GetInt32(), Is.GreaterThan(0));
            Assert.That(await _store.CountTargetsAsync(code), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Writes_need_an_authority_administrator_and_another_authority_is_not_found_by_token_or_browser()
    {
        using var reader = _host.Api(await _store.TokenAsync(await _store.AddUserAsync(("board member", "BRD"))));
        using var clusterAdmin = _host.Api(await _store.TokenAsync(await _store.AddUserAsync(("administrator", "BRD-CL1"))));
        using var leeds = _host.Api(await _store.TokenAsync(await _store.AddUserAsync(("administrator", "LDS"))));
        var before = await _store.CountTargetsAsync("BRD-CC");
        const string csv = "Org unit,Measure,Target\r\ndefault,BR1,50\r\n";

        var byReader = await PostCsvAsync(reader, "BRD-CC", "import", csv);
        var byClusterAdmin = await PostCsvAsync(clusterAdmin, "BRD-CC", "import", csv);
        var byLeeds = await PostCsvAsync(leeds, "BRD-CC", "import", csv);
        var leedsRead = await leeds.GetAsync(new Uri("/api/v1/frameworks/BRD-CC", UriKind.Relative));
        var missing = await leeds.GetAsync(new Uri("/api/v1/frameworks/NOPE-XX", UriKind.Relative));

        var email = await _store.AddUserAsync(("administrator", "LDS"));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        var pages = new[] { "/frameworks/BRD-CC", "/frameworks/BRD-CC/load", "/frameworks/BRD-CC/targets/upload", "/frameworks/BRD-CC/targets/upload/template", "/api/v1/frameworks/BRD-CC" };
        var typed = new List<(string, HttpStatusCode)>();
        foreach (var page in pages)
        {
            typed.Add((page, (await browser.GetAsync(new Uri(page, UriKind.Relative))).StatusCode));
        }

        var posted = await FrameworkPageTests.PostFileAsync(browser, "/frameworks/BRD-CC/targets/upload", "t.csv", Encoding.UTF8.GetBytes(csv), ("mode", "import"));
        var postedLoad = await FrameworkPageTests.PostFileAsync(browser, "/frameworks/BRD-CC/load", "b.zip", [1, 2, 3]);
        var list = await browser.GetPageAsync("/frameworks");

        Assert.Multiple(async () =>
        {
            Assert.That(byReader.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(byClusterAdmin.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "an administrator below the authority may not change the authority's framework");
            Assert.That(byLeeds.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(leedsRead.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await leedsRead.Content.ReadAsStringAsync()).Replace("BRD-CC", "{code}", StringComparison.Ordinal),
                Is.EqualTo((await missing.Content.ReadAsStringAsync()).Replace("NOPE-XX", "{code}", StringComparison.Ordinal)), "the same answer as for nothing at all");
            Assert.That(typed.Where(t => t.Item2 != HttpStatusCode.NotFound), Is.Empty);
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(postedLoad.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(list, Does.Contain("LDS-ESD").And.Not.Contain("BRD-CC"));
            Assert.That(await _store.CountTargetsAsync("BRD-CC"), Is.EqualTo(before), "no attempt changed Bradford's targets");
        });
    }

    private static async Task<HttpResponseMessage> PostCsvAsync(HttpClient api, string code, string mode, string csv)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await api.PostAsync(new Uri($"/api/v1/frameworks/{code}/targets?mode={mode}", UriKind.Relative), content);
    }

    private static async Task<string> FrameworkOfAsync(HttpClient api) =>
        JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/frameworks", UriKind.Relative))).RootElement[0].GetProperty("code").GetString()!;

    private static async Task<string> FirstMeasureAsync(HttpClient api, string code)
    {
        var json = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/frameworks/{code}", UriKind.Relative))).RootElement;
        var measure = json.GetProperty("measures").EnumerateArray().First(m => m.GetProperty("unit").GetString() == "Percentage");
        return measure.GetProperty("code").GetString()!;
    }

    private static string GoodValue(string measure) => measure.Length > 0 ? "50" : "0";
}
