using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Packs;
using static Outcomes.Web.Tests.Packs.PackFolderSteps;

namespace Outcomes.Web.Tests.Packs;

/// <summary>
/// The pack clean-up over a real store and a real packs folder in a temp directory: what goes after
/// Outcomes:Packs:KeepDays (90 here, the default), what never goes, and how an expired or vanished pack reads on the
/// pages and through the API. Most tests run the clean-up once themselves; the last ones show the host runs it alone.
/// </summary>
[NonParallelizable]
public sealed class PackRetentionTests
{
    private readonly CapturedLogs _logs = new();
    private PackHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await PackHost.StartAsync(configure: b => b.ConfigureLogging(l => l.AddProvider(_logs)));
        _host.Factory.CreateClient().Dispose();
    }

    [OneTimeTearDown]
    public void Stop() => _host?.Dispose();

    [Test]
    public async Task A_pack_finished_more_than_keep_days_ago_loses_its_files_and_is_marked_expired_while_a_recent_one_is_kept()
    {
        var old = await _host.MadeAsync("BRD-CL1", DaysAgo(91));
        var recent = await _host.MadeAsync("BRD-CL2", DaysAgo(89));

        await _host.Retention().RunOnceAsync(CancellationToken.None);
        var oldAfter = await _host.Jobs.GetAsync(old.Id);
        var recentAfter = await _host.Jobs.GetAsync(recent.Id);
        var audit = await _host.AuditAsync(PackRetention.JobsAuditTable, old.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(_host.Full(old.PdfPath)) || File.Exists(_host.Full(old.XlsxPath)), Is.False, "both old files removed");
            Assert.That(Directory.Exists(Path.GetDirectoryName(_host.Full(old.PdfPath))), Is.False, "and the emptied job folder");
            Assert.That((oldAfter!.Status, oldAfter.IsExpired), Is.EqualTo((PackJobStatus.Done, true)), "the row stays, marked expired");
            Assert.That(oldAfter.ExpiredAt, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(2)));
            Assert.That(File.Exists(_host.Full(recent.PdfPath)) && File.Exists(_host.Full(recent.XlsxPath)), Is.True, "the recent pack's files stay");
            Assert.That(recentAfter!.IsExpired, Is.False);
            Assert.That(audit, Has.Count.EqualTo(1), "one audit row for the expired job");
            Assert.That((audit[0].ChangedBy, audit[0].Reason), Is.EqualTo((PackRetention.AuditedBy, "Pack files removed: kept for 90 days (Outcomes:Packs:KeepDays)")));
            Assert.That(audit[0].OldValue, Does.Contain(old.PdfPath));
            Assert.That(_logs.Lines.Any(l => l.StartsWith($"Pack job {old.Id} expired (board pack for BRD-CL1 2018-19 Q4", StringComparison.Ordinal) && l.Contains(old.PdfPath!, StringComparison.Ordinal)), Is.True, "logged with the files removed");
            Assert.That(_logs.Lines, Has.None.StartsWith($"Pack job {recent.Id} expired"));
        });
    }

    [Test]
    public async Task Queued_and_running_jobs_are_never_touched_however_old_their_files()
    {
        var longAgo = DaysAgo(400);
        var queued = await _host.Jobs.CreateAsync(new PackJobRequest(PackKind.Board, "BRD-CC", "BRD-CL1", "BRD", Quarter, "q@council.example", longAgo));
        var running = await _host.Jobs.CreateAsync(new PackJobRequest(PackKind.Scrutiny, "BRD-CC", "BRD", "BRD", Quarter, "r@council.example", longAgo));
        await _host.Jobs.StartAsync(running, longAgo);
        var queuedFile = _host.Put($"{queued}/half-written.pdf", longAgo);
        var runningFile = _host.Put($"{running}/scrutiny-pack_BRD_2018-19_Q4.pdf", longAgo);

        await _host.Retention().RunOnceAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(File.Exists(queuedFile), Is.True, "a queued job's folder is left alone");
            Assert.That(File.Exists(runningFile), Is.True, "a running job's folder is left alone");
            Assert.That((await _host.Jobs.GetAsync(queued))!.Status, Is.EqualTo(PackJobStatus.Queued));
            Assert.That(await _host.Jobs.GetAsync(running), Has.Property(nameof(PackJob.Status)).EqualTo(PackJobStatus.Running).And.Property(nameof(PackJob.IsExpired)).False);
        });
    }

    [Test]
    public async Task Orphans_older_than_keep_days_in_the_services_job_folders_go_and_everything_else_in_the_folder_stays()
    {
        var cutOff = await _host.Jobs.CreateAsync(new PackJobRequest(PackKind.Board, "BRD-CC", "BRD-CL1", "BRD", Quarter, "o@council.example", DaysAgo(120)));
        await _host.Jobs.FailAsync(cutOff, DaysAgo(120), "The service was restarted while this pack was being made");
        var failedRecently = await _host.Jobs.CreateAsync(new PackJobRequest(PackKind.Board, "BRD-CC", "BRD-CL1", "BRD", Quarter, "o@council.example", DaysAgo(5)));
        await _host.Jobs.FailAsync(failedRecently, DaysAgo(5), "Chromium was not found");
        var kept = await _host.MadeAsync("BRD-CL3", DaysAgo(30));
        File.SetLastWriteTimeUtc(_host.Full(kept.PdfPath), DaysAgo(200).UtcDateTime); // a referenced file is kept however old its date

        var leftByCutOff = _host.Put($"{cutOff}/board-pack_BRD-CL1_2018-19_Q4.pdf", DaysAgo(120));
        var strayBesideKept = _host.Put($"{kept.Id}/old-copy.pdf", DaysAgo(100));
        var youngLeftover = _host.Put($"{failedRecently}/board-pack_BRD-CL1_2018-19_Q4.pdf", DaysAgo(5));
        var atTheTop = _host.Put("README.txt", DaysAgo(500));
        var otherFolder = _host.Put("archive/2019/pack.pdf", DaysAgo(500));
        var notThisStores = _host.Put("99999/board-pack_X_2018-19_Q4.pdf", DaysAgo(500));
        var paddedName = _host.Put($"0{cutOff}/pack.pdf", DaysAgo(500));

        await _host.Retention().RunOnceAsync(CancellationToken.None);
        var orphanAudit = await _host.AuditAsync(PackRetention.FilesAuditTable, $"{cutOff}/board-pack_BRD-CL1_2018-19_Q4.pdf");

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(leftByCutOff), Is.False, "a failed job's old leftover goes");
            Assert.That(Directory.Exists(Path.GetDirectoryName(leftByCutOff)), Is.False, "with its emptied folder");
            Assert.That(File.Exists(strayBesideKept), Is.False, "an old file no job refers to, beside a kept pack, goes");
            Assert.That(File.Exists(_host.Full(kept.PdfPath)) && File.Exists(_host.Full(kept.XlsxPath)), Is.True, "the kept pack's own files stay");
            Assert.That(File.Exists(youngLeftover), Is.True, "a leftover younger than KeepDays stays");
            Assert.That(File.Exists(atTheTop), Is.True, "files directly in the packs folder are not the service's: they stay");
            Assert.That(File.Exists(otherFolder), Is.True, "a folder not named after a job stays");
            Assert.That(File.Exists(notThisStores), Is.True, "a folder named after an id this store never gave stays");
            Assert.That(File.Exists(paddedName), Is.True, "a folder whose name is not exactly a job id stays");
            Assert.That(orphanAudit, Has.Count.EqualTo(1), "the removed orphan is in the audit log");
            Assert.That(orphanAudit.Single().OldValue, Does.Contain("\"bytes\":"));
            Assert.That(_logs.Lines, Has.Some.StartsWith($"Removed orphan pack file {cutOff}/board-pack_BRD-CL1_2018-19_Q4.pdf"));
            Assert.That(_logs.Lines, Has.Some.StartsWith($"Removed orphan pack file {kept.Id}/old-copy.pdf"));
        });
    }

    [Test]
    public async Task A_stored_path_outside_the_packs_folder_is_never_deleted_nor_served()
    {
        var outside = Directory.CreateTempSubdirectory("outcomes-not-packs-").FullName;
        try
        {
            var climbing = Path.Combine(outside, "climbing.pdf");
            var absolute = Path.Combine(outside, "absolute.xlsx");
            var throughLink = Path.Combine(outside, "through-link.pdf");
            foreach (var file in new[] { climbing, absolute, throughLink })
            {
                await File.WriteAllTextAsync(file, "not the service's");
                File.SetLastWriteTimeUtc(file, DaysAgo(300).UtcDateTime);
            }

            var relativeClimb = Path.GetRelativePath(_host.PacksFolder, climbing);
            Assert.That(relativeClimb, Does.StartWith(".."), "the stored path climbs out of the packs folder");
            var old = await _host.MadeAsync("BRD-CL1", DaysAgo(200), pdfPath: relativeClimb, xlsxPath: absolute);
            Directory.CreateDirectory(_host.PacksFolder);
            Directory.CreateSymbolicLink(Path.Combine(_host.PacksFolder, "link"), outside);
            var linked = await _host.MadeAsync("BRD-CL2", DaysAgo(200), pdfPath: "link/through-link.pdf", xlsxPath: "link/through-link.xlsx", writeFiles: false);
            var recent = await _host.MadeAsync("BRD-CL3", DaysAgo(1), pdfPath: relativeClimb, xlsxPath: absolute);
            using var browser = await _host.SignedInAsync(("administrator", "BRD"));

            var served = await browser.GetAsync(new Uri($"/packs/{recent.Id}/pdf", UriKind.Relative));
            await _host.Retention().RunOnceAsync(CancellationToken.None);

            Assert.Multiple(async () =>
            {
                Assert.That(File.Exists(climbing) && File.Exists(absolute) && File.Exists(throughLink), Is.True, "nothing outside the folder was deleted");
                Assert.That(_logs.Lines, Has.Some.StartsWith($"Pack job {old.Id} names the file {relativeClimb}, which is outside the packs folder"));
                Assert.That(_logs.Lines, Has.Some.StartsWith($"Pack job {old.Id} names the file {absolute}, which is outside the packs folder"));
                Assert.That(_logs.Lines, Has.Some.StartsWith($"Pack job {linked.Id} names the file link/through-link.pdf, which is outside the packs folder"));
                Assert.That((await _host.Jobs.GetAsync(old.Id))!.IsExpired, Is.True, "the job is past its time all the same: it reads as expired");
                Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.Gone), "a path outside the folder is not served");
                Assert.That(await served.Content.ReadAsStringAsync(), Does.Not.Contain("not the service's"));
            });
        }
        finally
        {
            var link = Path.Combine(_host.PacksFolder, "link");
            if (new DirectoryInfo(link).LinkTarget is not null)
            {
                Directory.Delete(link);
            }

            Directory.Delete(outside, recursive: true);
        }
    }

    [Test]
    public async Task An_expired_pack_reads_Expired_without_download_links_and_its_files_answer_410_by_page_and_api_but_404_to_another_authority()
    {
        var old = await _host.MadeAsync("BRD-CL1", DaysAgo(150));
        await _host.Retention().RunOnceAsync(CancellationToken.None);
        using var browser = await _host.SignedInAsync(("board member", "BRD"));
        using var api = await _host.ApiAsync(("board member", "BRD"));
        using var leeds = await _host.ApiAsync(("administrator", "LDS"));
        using var leedsBrowser = await _host.SignedInAsync(("administrator", "LDS"));

        var history = await browser.GetPageAsync("/packs");
        var page = await browser.GetPageAsync($"/packs/{old.Id}");
        var pdf = await browser.GetAsync(new Uri($"/packs/{old.Id}/pdf", UriKind.Relative));
        var status = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/packs/{old.Id}", UriKind.Relative))).RootElement;
        var xlsx = await api.GetAsync(new Uri($"/api/v1/packs/{old.Id}/xlsx", UriKind.Relative));
        var xlsxBody = JsonDocument.Parse(await xlsx.Content.ReadAsStringAsync()).RootElement;
        var row = RowOf(history, old.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(row, Does.Contain("<strong class=\"govuk-tag govuk-tag--grey\">Expired</strong>"));
            Assert.That(row, Does.Contain("Files removed").And.Not.Contain($"/packs/{old.Id}/pdf").And.Not.Contain($"/packs/{old.Id}/xlsx"));
            Assert.That(page, Does.Contain(">Expired</strong>").And.Contain("This pack has expired").And.Contain("packs are kept for 90 days"));
            Assert.That(page, Does.Not.Contain($"/packs/{old.Id}/pdf").And.Not.Contain(">Download<"), "no download links");
            Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(await pdf.Content.ReadAsStringAsync(), Does.Contain("The file is no longer available").And.Contain($"Pack job {old.Id} has expired"));
            Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("expired"));
            Assert.That(status.GetProperty("pdf").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(status.GetProperty("xlsx").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(status.GetProperty("expiredAt").GetDateTimeOffset(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(5)));
            Assert.That(xlsx.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(xlsxBody.GetProperty("message").GetString(), Does.Contain("has expired").And.Contain("Generate the pack again"));
            Assert.That((await leeds.GetAsync(new Uri($"/api/v1/packs/{old.Id}/pdf", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another authority: 404, as ever");
            Assert.That((await leedsBrowser.GetAsync(new Uri($"/packs/{old.Id}/pdf", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task A_pack_whose_file_was_deleted_by_hand_says_it_is_no_longer_available_instead_of_failing()
    {
        var pack = await _host.MadeAsync("BRD-CL2", DaysAgo(3));
        File.Delete(_host.Full(pack.PdfPath));
        using var browser = await _host.SignedInAsync(("performance officer", "BRD-CL2"));
        using var api = await _host.ApiAsync(("approver", "BRD"));

        var pagePdf = await browser.GetAsync(new Uri($"/packs/{pack.Id}/pdf", UriKind.Relative));
        var pageXlsx = await browser.GetAsync(new Uri($"/packs/{pack.Id}/xlsx", UriKind.Relative));
        var apiPdf = await api.GetAsync(new Uri($"/api/v1/packs/{pack.Id}/pdf", UriKind.Relative));
        var page = await browser.GetPageAsync($"/packs/{pack.Id}");
        var row = RowOf(await browser.GetPageAsync("/packs"), pack.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(pagePdf.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(await pagePdf.Content.ReadAsStringAsync(), Does.Contain($"The PDF of pack job {pack.Id} is no longer available"));
            Assert.That(pageXlsx.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the workbook is still there and still downloads");
            Assert.That(await pageXlsx.Content.ReadAsStringAsync(), Is.EqualTo($"workbook of pack {pack.Id}"));
            Assert.That(apiPdf.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That(await apiPdf.Content.ReadAsStringAsync(), Does.Contain("no longer available"));
            Assert.That(page, Does.Contain("files are no longer on the server").And.Not.Contain($"href=\"/packs/{pack.Id}/pdf\""));
            Assert.That(row, Does.Contain("Files no longer available").And.Contain(">Done</strong>"));
        });
    }

    [Test]
    public async Task The_host_cleans_up_at_start_up_and_then_every_interval_by_itself()
    {
        using var host = await PackHost.StartAsync(configure: b => b.UseSetting("Outcomes:Packs:CleanUpInterval", "00:00:01"));
        var beforeStart = await host.MadeAsync("BRD-CL1", DaysAgo(100)); // in the store and on disk before the host starts
        host.Factory.CreateClient().Dispose();
        var atStart = await ExpiredWithinAsync(host, beforeStart.Id, TimeSpan.FromSeconds(30));
        var later = await host.MadeAsync("BRD-CL2", DaysAgo(100));
        var periodic = await ExpiredWithinAsync(host, later.Id, TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(atStart, Is.True, "expired by the run at start-up");
            Assert.That(File.Exists(host.Full(beforeStart.PdfPath)), Is.False);
            Assert.That(periodic, Is.True, "a pack that became old after start-up is expired by a later run");
            Assert.That(File.Exists(host.Full(later.XlsxPath)), Is.False);
        });
    }

    [Test]
    public async Task Keep_days_0_keeps_every_pack()
    {
        var logs = new CapturedLogs();
        using var host = await PackHost.StartAsync(configure: b => b.UseSetting("Outcomes:Packs:KeepDays", "0").ConfigureLogging(l => l.AddProvider(logs)));
        var ancient = await host.MadeAsync("BRD-CL1", DaysAgo(2000));
        host.Factory.CreateClient().Dispose();

        var ran = await host.Retention().RunOnceAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(ran.DidAnything, Is.False);
            Assert.That(File.Exists(host.Full(ancient.PdfPath)), Is.True);
            Assert.That((await host.Jobs.GetAsync(ancient.Id))!.IsExpired, Is.False);
            Assert.That(logs.Lines, Has.Some.StartsWith("Packs are kept for ever (Outcomes:Packs:KeepDays is 0)"));
        });
    }

    [Test]
    public async Task Bad_retention_settings_stop_the_host_naming_the_setting_and_the_rule()
    {
        using var negative = await PackHost.StartAsync(configure: b => b.UseSetting("Outcomes:Packs:KeepDays", "-5"));
        using var tooLong = await PackHost.StartAsync(configure: b => b.UseSetting("Outcomes:Packs:KeepDays", "4000"));
        using var noInterval = await PackHost.StartAsync(configure: b => b.UseSetting("Outcomes:Packs:CleanUpInterval", "00:00:00"));

        var negativeError = Assert.Throws<OptionsValidationException>(() => negative.Factory.CreateClient());
        var tooLongError = Assert.Throws<OptionsValidationException>(() => tooLong.Factory.CreateClient());
        var intervalError = Assert.Throws<OptionsValidationException>(() => noInterval.Factory.CreateClient());

        Assert.Multiple(() =>
        {
            Assert.That(negativeError!.Message, Does.Contain("Outcomes:Packs:KeepDays must be between 1 and 3650 days, or 0 to keep packs for ever (was -5)"));
            Assert.That(tooLongError!.Message, Does.Contain("(was 4000)"));
            Assert.That(intervalError!.Message, Does.Contain("Outcomes:Packs:CleanUpInterval must be between 00:00:01 and 7.00:00:00 (was 00:00:00)"));
        });
    }

    private static async Task<bool> ExpiredWithinAsync(PackHost host, long id, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if ((await host.Jobs.GetAsync(id))!.IsExpired)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>The history table row of one job (from its link to the next row).</summary>
    private static string RowOf(string history, long id)
    {
        var start = history.IndexOf($"href=\"/packs/{id}\"", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"job {id} is in the history");
        var end = history.IndexOf("</tr>", start, StringComparison.Ordinal);
        return history[start..end];
    }
}
