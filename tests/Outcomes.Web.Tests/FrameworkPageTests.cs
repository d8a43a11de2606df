using System.Net;
using System.Net.Http.Headers;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc.Testing;
using Outcomes.Domain.Periods;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests;

/// <summary>
/// The frameworks pages over a private copy of the sample store: who may read and who may change (a case per role),
/// targets from a spreadsheet that is wrong (every problem, nothing stored) and right (stored, re-scored, a RAG moves),
/// and loading a framework folder (.zip) with a broken file, the same content again, and a real new version.
/// </summary>
public sealed class FrameworkPageTests
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

    private static readonly (string Role, string Scope, bool Manages)[] Roles =
    [
        ("administrator", "BRD", true),
        ("administrator", "BRD-CL1", false),
        ("performance officer", "BRD-CL1", false),
        ("approver", "BRD-CL1", false),
        ("board member", "BRD", false),
        ("scrutiny member", "BRD-CL1", false),
    ];

    public static IEnumerable<TestCaseData> EveryRole() =>
        Roles.Select(r => new TestCaseData(r.Role, r.Scope, r.Manages).SetArgDisplayNames(r.Role, r.Scope, r.Manages ? "manages" : "reads"));

    [TestCaseSource(nameof(EveryRole))]
    public async Task Every_role_reads_its_authoritys_frameworks_and_only_an_authority_administrator_may_change_them(string role, string scope, bool manages)
    {
        using var browser = await SignedInAsync(role, scope);

        var list = await browser.GetAsync(new Uri("/frameworks", UriKind.Relative));
        var listHtml = await list.Content.ReadAsStringAsync();
        var detail = await browser.GetAsync(new Uri("/frameworks/BRD-CC?unit=default&year=2018", UriKind.Relative));
        var detailHtml = await detail.Content.ReadAsStringAsync();
        var load = await browser.GetAsync(new Uri("/frameworks/BRD-CC/load", UriKind.Relative));
        var targets = await browser.GetAsync(new Uri("/frameworks/BRD-CC/targets/upload", UriKind.Relative));
        var template = await browser.GetAsync(new Uri("/frameworks/BRD-CC/targets/upload/template", UriKind.Relative));
        var leeds = await browser.GetAsync(new Uri("/frameworks/LDS-ESD", UriKind.Relative));
        var expected = manages ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        Assert.Multiple(async () =>
        {
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(listHtml, Does.Contain("BRD-CC").And.Contain("Bradford Children&#x27;s Centres Key Performance Indicators").And.Not.Contain("LDS-ESD"));
            Assert.That(listHtml, Does.Contain("Version 1").And.Contain("by command line (YAML)"), "current version and who loaded it");
            Assert.That(listHtml, Does.Match("href=\"/frameworks\"[^>]*>Frameworks</a>"), "the service navigation links here");
            Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(detailHtml, Does.Contain("BR1").And.Contain("Reach: under-5s in the 30% most deprived areas").And.Contain("Higher is better"));
            Assert.That(detailHtml, Does.Contain("1 Apr 2018 to open-ended"), "the default BR1 target of 2018-19 on is shown for the year filtered");
            Assert.That(detailHtml, Does.Not.Contain("1 Apr 2016 to 31 Mar 2018"), "targets outside 2018-19 are filtered out");
            Assert.That(detailHtml.Contains("Load a new version", StringComparison.Ordinal), Is.EqualTo(manages));
            Assert.That(load.StatusCode, Is.EqualTo(expected), "load a version");
            Assert.That(targets.StatusCode, Is.EqualTo(expected), "upload targets");
            Assert.That(template.StatusCode, Is.EqualTo(expected), "download the pre-filled template");
            if (!manages)
            {
                Assert.That(await load.Content.ReadAsStringAsync(), Does.Contain("administrator role over the whole authority"));
            }

            Assert.That(leeds.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another authority's framework");
        });
    }

    [Test]
    public async Task A_bad_targets_file_shows_every_problem_with_its_cell_and_stores_nothing()
    {
        using var browser = await SignedInAsync("administrator", "BRD");
        var template = await browser.GetByteArrayAsync(new Uri("/frameworks/BRD-CC/targets/upload/template", UriKind.Relative));
        var before = await _store.CountTargetsAsync("BRD-CC");
        var bytes = Edit(template, ws =>
        {
            ws.Cell("G3").SetValue("lots");
            ws.Cell("A4").SetValue("LDS-CL01");
            ws.Cell("G5").Value = 150;
            ws.Cell("C6").SetValue("NOPE");
        });

        var response = await PostFileAsync(browser, "/frameworks/BRD-CC/targets/upload", "targets.xlsx", bytes, ("mode", "import"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(html, Does.Contain("govuk-error-summary").And.Contain("There are 4 problems with targets.xlsx: nothing was stored"));
            Assert.That(html, Does.Contain("Targets!G3: the target &#x27;lots&#x27; is not a number (rule target.value)"));
            Assert.That(html, Does.Contain("Targets!A4:").And.Contain("target.org-unit.unknown"));
            Assert.That(html, Does.Contain("Targets!G5:").And.Contain("target.percentage.range"));
            Assert.That(html, Does.Contain("Targets!C6:").And.Contain("target.measure.unknown"));
            Assert.That(html, Does.Contain("href=\"#problem-4\""), "the summary links to each problem");
            Assert.That(await _store.CountTargetsAsync("BRD-CC"), Is.EqualTo(before), "targets unchanged");
        });
    }

    [Test]
    public async Task A_good_targets_file_replaces_the_targets_and_the_re_score_changes_a_known_rag()
    {
        using var browser = await SignedInAsync("administrator", "BRD");
        var quarter = PeriodParser.Parse("2018-19 Q4");
        var scores = new ScoreRepository(_store.Store);
        var before = (await scores.ListAsync("BRD-CC", quarter, "BRD")).Single(s => s.MeasureCode == "BR1");
        var wasRed = before.StatusLetter.StartsWith('R');
        var template = await browser.GetByteArrayAsync(new Uri("/frameworks/BRD-CC/targets/upload/template", UriKind.Relative));
        var rowsBefore = await _store.CountTargetsAsync("BRD-CC");
        var bytes = Edit(template, ws =>
        {
            foreach (var row in ws.RowsUsed().Skip(1).Where(r => r.Cell(3).GetString() == "BR1"))
            {
                row.Cell(7).Value = wasRed ? 1 : 99;
                row.Cell(8).Clear();
            }

            var extra = ws.LastRowUsed().RowNumber() + 1;
            ws.Cell(extra, 1).SetValue("BRD-CL2");
            ws.Cell(extra, 3).SetValue("BR2");
            ws.Cell(extra, 5).SetValue("2018-19");
            ws.Cell(extra, 7).Value = 61;
        });

        var check = await PostFileAsync(browser, "/frameworks/BRD-CC/targets/upload", "targets.xlsx", bytes, ("mode", "validate"));
        var checkHtml = await check.Content.ReadAsStringAsync();
        var afterCheck = await _store.CountTargetsAsync("BRD-CC");
        var stored = await PostFileAsync(browser, "/frameworks/BRD-CC/targets/upload", "targets.xlsx", bytes, ("mode", "import"));
        var storedHtml = await stored.Content.ReadAsStringAsync();
        var after = (await scores.ListAsync("BRD-CC", quarter, "BRD")).Single(s => s.MeasureCode == "BR1");
        var targets = await new TargetRepository(_store.Store).ListAsync("BRD-CC");

        Assert.Multiple(async () =>
        {
            Assert.That(check.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(checkHtml, Does.Contain("passed every check"));
            Assert.That(afterCheck, Is.EqualTo(rowsBefore), "Check only stores nothing");
            Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.OK), storedHtml);
            Assert.That(storedHtml, Does.Contain("Targets stored").And.Contain("scored again"));
            Assert.That(await _store.CountTargetsAsync("BRD-CC"), Is.EqualTo(rowsBefore + 1), "one row added");
            Assert.That(targets.Where(t => t.MeasureCode == "BR1").Select(t => t.Value).Distinct(), Is.EqualTo(new[] { wasRed ? 1m : 99m }));
            Assert.That(after.Target, Is.EqualTo(wasRed ? 1m : 99m), "the stored score uses the new target");
            Assert.That(after.StatusLetter.StartsWith('R'), Is.Not.EqualTo(wasRed), $"BR1 at BRD in 2018-19 Q4 was {before.StatusLetter}, now {after.StatusLetter}");
            Assert.That((await new AuditRepository(_store.Store).ListAsync("targets", "BRD-CC"))[^1].ChangedBy, Does.StartWith("user-"));
        });
    }

    [Test]
    public async Task Loading_a_framework_folder_names_the_file_and_line_of_a_problem_and_stores_nothing()
    {
        using var browser = await SignedInAsync("administrator", "BRD");
        var folder = Path.Combine(SampleStore.RepositoryRoot, "samples", "frameworks", "bradford");
        var files = Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var broken = new Dictionary<string, string>(files) { ["framework.v1.yaml"] = files["framework.v1.yaml"].Replace("polarity: higher", "polarity: upwards", StringComparison.Ordinal) };
        var line = files["framework.v1.yaml"].Split('\n').ToList().FindIndex(l => l.Contains("polarity: higher", StringComparison.Ordinal)) + 1;
        var frameworks = new FrameworkRepository(_store.Store);

        var bad = await PostFileAsync(browser, "/frameworks/BRD-CC/load", "bradford.zip", FrameworkTestStore.Zip("bradford", broken));
        var badHtml = await bad.Content.ReadAsStringAsync();
        var same = await PostFileAsync(browser, "/frameworks/BRD-CC/load", "bradford.zip", FrameworkTestStore.Zip("bradford", files));
        var sameHtml = await same.Content.ReadAsStringAsync();
        var notZip = await PostFileAsync(browser, "/frameworks/BRD-CC/load", "bradford.zip", "not a zip"u8.ToArray());

        Assert.Multiple(async () =>
        {
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(badHtml, Does.Contain("govuk-error-summary").And.Contain($"bradford/framework.v1.yaml line {line}:").And.Contain("nothing was stored"));
            Assert.That(same.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(sameHtml, Does.Contain("already loaded as version 1"));
            Assert.That(notZip.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(await notZip.Content.ReadAsStringAsync(), Does.Contain("is not a .zip file"));
            Assert.That((await frameworks.GetAsync("BRD-CC"))!.Versions.Select(v => v.Version), Is.EqualTo(new[] { 1 }), "no version added");
        });
    }

    [Test]
    public async Task A_stored_version_offered_with_changed_content_is_refused_naming_its_file()
    {
        using var browser = await SignedInAsync("administrator", "ESX");
        var folder = Path.Combine(SampleStore.RepositoryRoot, "samples", "frameworks", "essex");
        var files = Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var code = (await new FrameworkRepository(_store.Store).ListAsync()).Single(f => f.AuthorityCode == "ESX").Code;
        var changed = new Dictionary<string, string>(files);
        changed["framework.v2.yaml"] = changed["framework.v2.yaml"].Replace("notes: >-\n", "notes: >-\n  Changed in place.\n", StringComparison.Ordinal);
        Assert.That(changed["framework.v2.yaml"], Is.Not.EqualTo(files["framework.v2.yaml"]));

        var refused = await PostFileAsync(browser, $"/frameworks/{code}/load", "essex.zip", FrameworkTestStore.Zip("essex", changed));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(html, Does.Contain("essex/framework.v2.yaml: version 2 is already stored with different content").And.Contain("version.changed"));
            Assert.That((await new FrameworkRepository(_store.Store).GetAsync(code))!.Versions, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_new_version_after_a_closed_one_is_stored_with_who_loaded_it()
    {
        const string organisation = """
            authority:
              code: TSW
              name: Testshire County Council
              gss_code: E10000099
            units:
              - code: TSW-CL1
                name: North cluster
                type: cluster
                parent: TSW
            """;
        const string measures = """
            measures:
              - code: TW1
                title: Families supported
                unit: count
                polarity: higher
                aggregation: sum
                frequency: quarterly
            """;
        var v1 = "framework: TSW-FW\nname: Testshire outcomes\nversion: 1\neffective_from: 2016-04-01\neffective_to: 2019-03-31\nscheme: rag\nreturning_level: cluster\n" + measures;
        var v2 = v1.Replace("version: 1", "version: 2", StringComparison.Ordinal).Replace("effective_from: 2016-04-01\neffective_to: 2019-03-31", "effective_from: 2019-04-01", StringComparison.Ordinal);
        var folder = Path.Combine(Directory.CreateTempSubdirectory("outcomes-tsw-").FullName, "testshire");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "organisation.yaml"), organisation);
        await File.WriteAllTextAsync(Path.Combine(folder, "framework.v1.yaml"), v1);
        var first = await new Application.Frameworks.FrameworkLoadingService(_store.Store, Microsoft.Extensions.Logging.Abstractions.NullLogger<Application.Frameworks.FrameworkLoadingService>.Instance).LoadAsync(folder);
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        Assert.That(first.Succeeded, Is.True, string.Join("; ", first.Problems));
        var email = await _store.AddUserAsync(("administrator", "TSW"));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);

        var loaded = await PostFileAsync(browser, "/frameworks/TSW-FW/load", "testshire.zip", FrameworkTestStore.Zip("testshire", new Dictionary<string, string>
        {
            ["organisation.yaml"] = organisation, ["framework.v1.yaml"] = v1, ["framework.v2.yaml"] = v2,
        }));
        var html = await loaded.Content.ReadAsStringAsync();
        var list = await browser.GetPageAsync("/frameworks");

        Assert.Multiple(async () =>
        {
            Assert.That(loaded.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
            Assert.That(html, Does.Contain("Framework loaded").And.Contain("Loaded version 2 of TSW-FW"));
            Assert.That((await new FrameworkRepository(_store.Store).GetAsync("TSW-FW"))!.Versions.Select(v => v.Version), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(list, Does.Contain("Version 2").And.Contain($"by {email}"), "the current version and who loaded it");
        });
    }

    private async Task<HttpClient> SignedInAsync(string role, string scope)
    {
        var email = await _store.AddUserAsync((role, scope));
        var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);
        return browser;
    }

    internal static async Task<HttpResponseMessage> PostFileAsync(HttpClient browser, string path, string fileName, byte[] bytes, params (string Name, string Value)[] fields)
    {
        var page = await browser.GetPageAsync("/frameworks");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(WebHost.AntiforgeryToken(page)), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return await browser.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    internal static byte[] Edit(byte[] workbook, Action<IXLWorksheet> edit)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook));
        edit(book.Worksheet("Targets"));
        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }
}
