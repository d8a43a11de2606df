using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Outcomes.Reporting.Excel;
using Outcomes.Reporting.Excel.Scrutiny;
using Outcomes.Reporting.Pdf;
using Outcomes.Storage.Repositories;
using UglyToad.PdfPig;

namespace Outcomes.Web.Tests.Packs;

/// <summary>
/// Real packs through the web, with the real Chromium, kept to two renders: a Bradford board pack asked for on the
/// /packs page and the Bradford scrutiny pack asked for through the API straight after it, on a host that makes one
/// pack at a time. Each test then checks one side of what those two jobs did.
/// </summary>
[NonParallelizable]
public sealed class PackGenerationTests
{
    private const string Quarter = "2018-19 Q4";
    private PackHost _host = null!;
    private long _board;
    private long _scrutiny;
    private string _boardPageWhileWaiting = string.Empty;
    private string _scrutinyPageWhileWaiting = string.Empty;
    private (PackJob Job, IReadOnlyList<string> Stages) _boardDone;
    private (PackJob Job, IReadOnlyList<string> Stages) _scrutinyDone;
    private HttpResponseMessage _accepted = null!;
    private JsonElement _acceptedJson;
    private HttpClient _officer = null!;
    private HttpClient _approverApi = null!;
    private HttpClient _viewer = null!;

    [OneTimeSetUp]
    public async Task MakeTwoPacksAsync()
    {
        _host = await PackHost.StartAsync(maxConcurrentJobs: 1);
        _officer = await _host.SignedInAsync(("performance officer", "BRD-CL1"));
        _approverApi = await _host.ApiAsync(("approver", "BRD"));
        _viewer = await _host.SignedInAsync(("board member", "BRD"));

        _board = PackHost.JobIdFrom(await PackHost.AskOnPageAsync(_officer, "board", "BRD-CC", "BRD-CL1", Quarter));
        _accepted = await PackHost.AskByApiAsync(_approverApi, "scrutiny", "BRD-CC", "BRD", Quarter);
        _acceptedJson = JsonDocument.Parse(await _accepted.Content.ReadAsStringAsync()).RootElement.Clone();
        _scrutiny = _acceptedJson.GetProperty("id").GetInt64();

        // With one slot, the scrutiny pack waits for the board pack: both pages are read before either is done.
        _boardPageWhileWaiting = await _officer.GetPageAsync($"/packs/{_board}");
        _scrutinyPageWhileWaiting = await _viewer.GetPageAsync($"/packs/{_scrutiny}");
        _boardDone = await _host.FinishedAsync(_board);
        _scrutinyDone = await _host.FinishedAsync(_scrutiny);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _officer?.Dispose();
        _approverApi?.Dispose();
        _viewer?.Dispose();
        _host?.Dispose();
    }

    [Test]
    public void Both_packs_are_made_one_at_a_time_with_the_limit_of_one()
    {
        var (board, scrutiny) = (_boardDone.Job, _scrutinyDone.Job);

        Assert.Multiple(() =>
        {
            Assert.That(board.Status, Is.EqualTo(PackJobStatus.Done), board.ErrorMessage);
            Assert.That(scrutiny.Status, Is.EqualTo(PackJobStatus.Done), scrutiny.ErrorMessage);
            Assert.That(board.StartedAt, Is.LessThan(board.FinishedAt!.Value));
            Assert.That(scrutiny.StartedAt, Is.GreaterThanOrEqualTo(board.FinishedAt!.Value), "the second started only after the first finished");
            Assert.That(_boardDone.Stages, Does.Contain("printing PDF"), "progress is written into the store as the pack goes");
            Assert.That(_scrutinyPageWhileWaiting, Does.Contain(">Queued<").And.Contain("0%: waiting to start"), "the second waited in the queue while the first was made");
            Assert.That(_host.Factory.Services.GetRequiredService<PdfPrinter>().LaunchCount, Is.EqualTo(1), "one Chromium for both packs");
        });
    }

    [Test]
    public void The_job_page_reloads_itself_while_the_pack_is_waiting_or_being_made_and_offers_to_stop()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_scrutinyPageWhileWaiting, Does.Contain("<meta http-equiv=\"refresh\" content=\"2\">"));
            Assert.That(_scrutinyPageWhileWaiting, Does.Contain($"href=\"/packs/{_scrutiny}?refresh=off\""));
            Assert.That(_boardPageWhileWaiting, Does.Contain("<meta http-equiv=\"refresh\" content=\"2\">"));
            Assert.That(_scrutinyPageWhileWaiting, Does.Not.Contain($"/packs/{_scrutiny}/pdf"), "no download before it is made");
        });
    }

    [Test]
    public async Task Once_done_the_job_page_stops_reloading_and_links_both_files()
    {
        var page = await _officer.GetPageAsync($"/packs/{_board}");
        var stopped = await _viewer.GetPageAsync($"/packs/{_scrutiny}?refresh=off");

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Not.Contain("http-equiv=\"refresh\""));
            Assert.That(page, Does.Contain(">Done<"));
            Assert.That(page, Does.Contain($"href=\"/packs/{_board}/pdf\"").And.Contain($"href=\"/packs/{_board}/xlsx\""));
            Assert.That(page, Does.Contain($"{_boardDone.Job.PageCount} pages"));
            Assert.That(stopped, Does.Not.Contain("http-equiv=\"refresh\""));
        });
    }

    [Test]
    public async Task The_board_pack_downloads_from_the_page_as_a_real_pdf_and_workbook()
    {
        var pdf = await _officer.GetAsync(new Uri($"/packs/{_board}/pdf", UriKind.Relative));
        var xlsx = await _officer.GetAsync(new Uri($"/packs/{_board}/xlsx", UriKind.Relative));
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync();
        using var document = PdfDocument.Open(pdfBytes);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());

        Assert.Multiple(() =>
        {
            Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(pdf.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(pdf.Content.Headers.ContentDisposition!.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName, Is.EqualTo("board-pack_BRD-CL1_2018-19_Q4.pdf"));
            Assert.That(document.NumberOfPages, Is.GreaterThan(1));
            Assert.That(document.NumberOfPages, Is.EqualTo(_boardDone.Job.PageCount));
            Assert.That(pdfBytes.LongLength, Is.EqualTo(_boardDone.Job.PdfBytes));
            Assert.That(text, Does.Contain("Purpose of report"));
            Assert.That(text, Does.Contain("Keighley cluster"));
            Assert.That(text, Does.Contain("Bradford Children's Centres Advisory Board").Or.Contain("Bradford Children’s Centres Advisory Board"), "Bradford's own settings file was found");
            Assert.That(xlsx.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            Assert.That(xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName, Is.EqualTo("board-pack_BRD-CL1_2018-19_Q4.xlsx"));
            Assert.That(workbook.Worksheets.Select(w => w.Name), Does.Contain(ExcelPackWriter.ScorecardSheet).And.Contain(ExcelPackWriter.DefinitionsSheet));
        });
    }

    [Test]
    public async Task The_scrutiny_pack_asked_through_the_api_is_accepted_tracked_and_downloaded()
    {
        var status = JsonDocument.Parse(await _approverApi.GetStringAsync(new Uri($"/api/v1/packs/{_scrutiny}", UriKind.Relative))).RootElement;
        var pdf = await _approverApi.GetAsync(new Uri($"/api/v1/packs/{_scrutiny}/pdf", UriKind.Relative));
        var xlsx = await _approverApi.GetAsync(new Uri($"/api/v1/packs/{_scrutiny}/xlsx", UriKind.Relative));
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());

        Assert.Multiple(() =>
        {
            Assert.That(_accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(_accepted.Headers.Location!.OriginalString, Is.EqualTo($"/api/v1/packs/{_scrutiny}"));
            Assert.That(_acceptedJson.GetProperty("status").GetString(), Is.EqualTo("queued"));
            Assert.That(_acceptedJson.GetProperty("kind").GetString(), Is.EqualTo("scrutiny"));
            Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("done"));
            Assert.That(status.GetProperty("percent").GetInt32(), Is.EqualTo(100));
            Assert.That(status.GetProperty("pdf").GetString(), Is.EqualTo($"/api/v1/packs/{_scrutiny}/pdf"));
            Assert.That(status.GetProperty("pages").GetInt32(), Is.EqualTo(document.NumberOfPages));
            Assert.That(pdf.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(pdf.Content.Headers.ContentDisposition!.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName, Is.EqualTo("scrutiny-pack_BRD_2018-19_Q4.pdf"));
            Assert.That(document.NumberOfPages, Is.GreaterThan(1));
            Assert.That(text, Does.Contain("Purpose of report"));
            Assert.That(text, Does.Contain("Overview and Scrutiny Committee"));
            Assert.That(xlsx.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            Assert.That(workbook.Worksheets.Select(w => w.Name), Does.Contain(ScrutinyExcelWriter.OverviewSheet));
        });
    }

    [Test]
    public async Task The_history_lists_the_packs_newest_first_and_only_those_the_user_may_see()
    {
        var whole = await _viewer.GetPageAsync("/packs");
        var officers = await _officer.GetPageAsync("/packs");
        var scrutinyAt = whole.IndexOf($"href=\"/packs/{_scrutiny}\"", StringComparison.Ordinal);
        var boardAt = whole.IndexOf($"href=\"/packs/{_board}\"", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(scrutinyAt, Is.GreaterThan(0));
            Assert.That(boardAt, Is.GreaterThan(scrutinyAt), "newest first");
            Assert.That(whole, Does.Contain($"href=\"/packs/{_board}/pdf\"").And.Contain($"href=\"/packs/{_scrutiny}/xlsx\""));
            Assert.That(whole, Does.Contain(">Done<"));
            Assert.That(whole, Does.Contain("You can read and download the packs below, but none of your roles lets you generate packs."));
            Assert.That(officers, Does.Contain($"href=\"/packs/{_board}\""));
            Assert.That(officers, Does.Not.Contain($"href=\"/packs/{_scrutiny}\""), "the authority-wide pack is outside a cluster officer's scope");
            Assert.That(officers, Does.Contain("Generate pack"));
        });
    }

    public static IEnumerable<TestCaseData> EveryRole() =>
        new[] { "administrator", "performance officer", "approver", "board member", "scrutiny member" }.Select(r => new TestCaseData(r).SetArgDisplayNames(r));

    [TestCaseSource(nameof(EveryRole))]
    public async Task Every_role_downloads_the_packs_of_its_scope_and_gets_404_for_the_rest(string role)
    {
        using var inCluster = await _host.SignedInAsync((role, "BRD-CL1"));
        using var sibling = await _host.SignedInAsync((role, "BRD-CL2"));
        using var leeds = await _host.SignedInAsync((role, "LDS"));
        var authorityWide = role == "scrutiny member";

        Assert.Multiple(async () =>
        {
            foreach (var format in new[] { "pdf", "xlsx" })
            {
                Assert.That((await inCluster.GetAsync(new Uri($"/packs/{_board}/{format}", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK), $"own cluster's board pack {format}");
                Assert.That((await inCluster.GetAsync(new Uri($"/packs/{_scrutiny}/{format}", UriKind.Relative))).StatusCode, Is.EqualTo(authorityWide ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"the authority's scrutiny pack {format}");
                Assert.That((await sibling.GetAsync(new Uri($"/packs/{_board}/{format}", UriKind.Relative))).StatusCode, Is.EqualTo(authorityWide ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"a sibling cluster's board pack {format}");
                Assert.That((await leeds.GetAsync(new Uri($"/packs/{_board}/{format}", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"another authority's board pack {format}");
                Assert.That((await leeds.GetAsync(new Uri($"/packs/{_scrutiny}/{format}", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"another authority's scrutiny pack {format}");
            }

            Assert.That((await leeds.GetAsync(new Uri($"/packs/{_board}", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another authority's job page");
        });
    }

    [Test]
    public async Task Another_authoritys_done_pack_answers_404_through_the_api_exactly_as_a_missing_one()
    {
        using var leeds = await _host.ApiAsync(("administrator", "LDS"));
        var missingId = _scrutiny + 1000;
        var missing = await leeds.GetAsync(new Uri($"/api/v1/packs/{missingId}", UriKind.Relative));
        var missingBody = (await missing.Content.ReadAsStringAsync()).Replace(missingId.ToString(System.Globalization.CultureInfo.InvariantCulture), "{id}", StringComparison.Ordinal);

        Assert.Multiple(async () =>
        {
            foreach (var path in new[] { $"/api/v1/packs/{_board}", $"/api/v1/packs/{_board}/pdf", $"/api/v1/packs/{_scrutiny}/xlsx" })
            {
                var response = await leeds.GetAsync(new Uri(path, UriKind.Relative));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
                var id = path.Split('/')[4];
                Assert.That((await response.Content.ReadAsStringAsync()).Replace(id, "{id}", StringComparison.Ordinal), Is.EqualTo(missingBody), $"{path}: the same answer as for no job at all");
            }

            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }
}
