using System.Net;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Outcomes.Domain.Periods;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests.PendingUploads;

/// <summary>
/// Validated uploads wait in the store, not in one server's memory: two hosts over the same SQLite file stand for two web
/// servers (or one restarted). A file validated on one is confirmed on the other and stored once; it expires; only its
/// uploader can confirm or download it; concurrent confirms store it once; the held total is capped, oldest first.
/// Each test has its own copy of the sample store, so the shared one is untouched and capacity limits hit nobody else.
/// </summary>
public sealed class SharedPendingUploadTests
{
    private const string Good = "BRD-CL1_2019-20_Q1.xlsx";
    private const string Bad = "leeds.xlsx";
    private static readonly (string Role, string Scope)[] Officer = [("performance officer", "BRD-CL1"), ("performance officer", "LDS")];

    [Test]
    public async Task An_upload_validated_on_one_server_is_confirmed_on_another_stored_once_and_survives_a_restart()
    {
        using var copy = new FrameworkTestStore();
        var email = await copy.AddUserAsync(Officer);
        var good = Uploads.NextQuarterReturn("bradford", "BRD-CL1", "2019-20 Q1");
        var before = await CountsAsync(copy.Path);
        string checkPage, badPage;
        HttpResponseMessage errorsOnB, confirmedOnB, againOnA;
        string donePage;
        await using (var serverA = WebHost.Create(copy.Path))
        await using (var serverB = WebHost.Create(copy.Path))
        {
            using var onA = await SignedInAsync(serverA, email);
            using var onB = await SignedInAsync(serverB, email);
            checkPage = await (await onA.UploadAsync(Good, good)).Content.ReadAsStringAsync();
            badPage = await (await onA.UploadAsync(Bad, BadReturn())).Content.ReadAsStringAsync();

            errorsOnB = await onB.GetAsync(new Uri(Uploads.ErrorWorkbookLink(badPage), UriKind.Relative));
            confirmedOnB = await onB.ConfirmAsync(await WithTokenOfAsync(onB, checkPage));
            donePage = await confirmedOnB.Content.ReadAsStringAsync();
            againOnA = await onA.ConfirmAsync(checkPage);
        }

        // A restart: a new host over the same file still holds the file with errors.
        await using var restarted = WebHost.Create(copy.Path);
        using var afterRestart = await SignedInAsync(restarted, email);
        var errorsAfterRestart = await afterRestart.GetAsync(new Uri(Uploads.ErrorWorkbookLink(badPage), UriKind.Relative));
        var after = await CountsAsync(copy.Path);
        var storedBytes = await StoredVersionBytesAsync(copy.Path, Sha256Of(checkPage));

        Assert.Multiple(async () =>
        {
            Assert.That(checkPage, Does.Contain("Confirm import"), checkPage);
            Assert.That(errorsOnB.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the other server finds the file with errors");
            Assert.That(ErrorsSheetRows(await errorsOnB.Content.ReadAsByteArrayAsync()), Is.GreaterThan(1), "the annotated workbook lists its problems");
            Assert.That(confirmedOnB.StatusCode, Is.EqualTo(HttpStatusCode.OK), donePage);
            Assert.That(donePage, Does.Contain("govuk-panel--confirmation").And.Contain("Version 1"));
            Assert.That(againOnA.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "confirmed once, on B");
            Assert.That(await againOnA.Content.ReadAsStringAsync(), Does.Contain("no longer held").And.Contain("imported already").And.Not.Contain("restart"));
            Assert.That(after.Returns - before.Returns, Is.EqualTo(1));
            Assert.That(after.Versions - before.Versions, Is.EqualTo(1));
            Assert.That(storedBytes is not null && storedBytes.AsSpan().SequenceEqual(good), Is.True, "exactly the bytes validated on A are stored as version 1");
            Assert.That(errorsAfterRestart.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a restart forgets nothing");
            Assert.That(after.Pending, Is.EqualTo(1), "the file with errors is still held; the confirmed one is not");
        });
    }

    [Test]
    public async Task A_held_upload_expires_after_PendingMinutes_on_every_server_and_is_cleaned_out()
    {
        using var copy = new FrameworkTestStore();
        var email = await copy.AddUserAsync(Officer);
        var period = PeriodParser.Parse("2019-20 Q1");
        await using var now = WebHost.Create(copy.Path);
        await using var soon = WebHost.Create(copy.Path, b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new LaterClock(TimeSpan.FromMinutes(29)))));
        await using var late = WebHost.Create(copy.Path, b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new LaterClock(TimeSpan.FromMinutes(31)))));
        using var onNow = await SignedInAsync(now, email);
        using var onSoon = await SignedInAsync(soon, email);
        using var onLate = await SignedInAsync(late, email);
        var checkPage = await (await onNow.UploadAsync(Good, Uploads.NextQuarterReturn("bradford", "BRD-CL1", period.Key))).Content.ReadAsStringAsync();
        var badPage = await (await onNow.UploadAsync(Bad, BadReturn())).Content.ReadAsStringAsync();
        var heldBefore = (await CountsAsync(copy.Path)).Pending;

        var errorsSoon = await onSoon.GetAsync(new Uri(Uploads.ErrorWorkbookLink(badPage), UriKind.Relative));
        var errorsLate = await onLate.GetAsync(new Uri(Uploads.ErrorWorkbookLink(badPage), UriKind.Relative));
        var confirmedLate = await onLate.ConfirmAsync(await WithTokenOfAsync(onLate, checkPage));
        var stored = await new ReturnRepository(copy.Store).FindAsync("BRD-CC", "BRD-CL1", period);
        var heldExpired = (await CountsAsync(copy.Path)).Pending;
        var another = await onLate.UploadAsync(Bad, BadReturn(extra: "again"));
        var heldAfterKeep = (await CountsAsync(copy.Path)).Pending;

        Assert.Multiple(async () =>
        {
            Assert.That(heldBefore, Is.EqualTo(2));
            Assert.That(errorsSoon.StatusCode, Is.EqualTo(HttpStatusCode.OK), "29 minutes on, still held");
            Assert.That(errorsLate.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "31 minutes on, expired");
            Assert.That(confirmedLate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await confirmedLate.Content.ReadAsStringAsync(), Does.Contain("no longer held").And.Contain("more than 30 minutes"));
            Assert.That(stored, Is.Null, "an expired upload stores nothing");
            Assert.That(heldExpired, Is.EqualTo(2), "expired rows stay until the next upload is kept");
            Assert.That(another.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(heldAfterKeep, Is.EqualTo(1), "keeping a new upload cleaned out both expired ones");
        });
    }

    [Test]
    public async Task Another_user_can_neither_confirm_nor_download_an_upload_on_any_server()
    {
        using var copy = new FrameworkTestStore();
        var owner = await copy.AddUserAsync(Officer);
        var colleague = await copy.AddUserAsync(Officer);
        var period = PeriodParser.Parse("2019-20 Q1");
        await using var serverA = WebHost.Create(copy.Path);
        await using var serverB = WebHost.Create(copy.Path);
        using var ownerOnA = await SignedInAsync(serverA, owner);
        using var ownerOnB = await SignedInAsync(serverB, owner);
        using var colleagueOnB = await SignedInAsync(serverB, colleague);
        var checkPage = await (await ownerOnA.UploadAsync(Good, Uploads.NextQuarterReturn("bradford", "BRD-CL1", period.Key))).Content.ReadAsStringAsync();
        var badPage = await (await ownerOnA.UploadAsync(Bad, BadReturn())).Content.ReadAsStringAsync();

        var stolenConfirm = await colleagueOnB.ConfirmAsync(await WithTokenOfAsync(colleagueOnB, checkPage));
        var stolenErrors = await colleagueOnB.GetAsync(new Uri(Uploads.ErrorWorkbookLink(badPage), UriKind.Relative));
        var storedAfterColleague = await new ReturnRepository(copy.Store).FindAsync("BRD-CC", "BRD-CL1", period);
        var ownErrors = await ownerOnB.GetAsync(new Uri(Uploads.ErrorWorkbookLink(badPage), UriKind.Relative));
        var ownConfirm = await ownerOnB.ConfirmAsync(await WithTokenOfAsync(ownerOnB, checkPage));
        var stored = await new ReturnRepository(copy.Store).FindAsync("BRD-CC", "BRD-CL1", period);

        Assert.Multiple(async () =>
        {
            Assert.That(stolenConfirm.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await stolenConfirm.Content.ReadAsStringAsync(), Does.Contain("no longer held"));
            Assert.That(stolenErrors.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(storedAfterColleague, Is.Null);
            Assert.That(ownErrors.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the colleague's attempts took nothing from the owner");
            Assert.That(ownConfirm.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(stored?.LatestVersion, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Confirms_sent_at_once_to_two_servers_store_the_return_once()
    {
        using var copy = new FrameworkTestStore();
        var email = await copy.AddUserAsync(Officer);
        var period = PeriodParser.Parse("2019-20 Q1");
        await using var serverA = WebHost.Create(copy.Path);
        await using var serverB = WebHost.Create(copy.Path);
        using var onA = await SignedInAsync(serverA, email);
        using var onB = await SignedInAsync(serverB, email);
        var checkPage = await (await onA.UploadAsync(Good, Uploads.NextQuarterReturn("bradford", "BRD-CL1", period.Key))).Content.ReadAsStringAsync();
        var pageForB = await WithTokenOfAsync(onB, checkPage);
        var before = await CountsAsync(copy.Path);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var confirms = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var response = i % 2 == 0 ? await onA.ConfirmAsync(checkPage) : await onB.ConfirmAsync(pageForB);
            return (response.StatusCode, Page: await response.Content.ReadAsStringAsync());
        })).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(confirms);
        var after = await CountsAsync(copy.Path);

        Assert.Multiple(() =>
        {
            Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), string.Join(" | ", answers.Select(a => a.StatusCode)));
            Assert.That(answers.Single(a => a.StatusCode == HttpStatusCode.OK).Page, Does.Contain("Version 1"));
            Assert.That(answers.Where(a => a.StatusCode != HttpStatusCode.OK).Select(a => a.StatusCode), Has.All.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(answers.Where(a => a.StatusCode != HttpStatusCode.OK).Select(a => a.Page), Has.All.Contains("no longer held"));
            Assert.That((after.Returns - before.Returns, after.Versions - before.Versions), Is.EqualTo((1L, 1L)));
            Assert.That(after.Pending, Is.Zero);
        });
    }

    [Test]
    public async Task Api_imports_of_the_same_file_at_once_on_two_servers_store_it_once()
    {
        using var copy = new FrameworkTestStore();
        var email = await copy.AddUserAsync(Officer);
        var token = await copy.TokenAsync(email);
        var bytes = Uploads.NextQuarterReturn("bradford", "BRD-CL1", "2019-20 Q1");
        await using var serverA = WebHost.Create(copy.Path);
        await using var serverB = WebHost.Create(copy.Path);
        using var apiA = serverA.Api(token);
        using var apiB = serverB.Api(token);
        var before = await CountsAsync(copy.Path);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var imports = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await start.Task;
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", Good } };
            var response = await (i % 2 == 0 ? apiA : apiB).PostAsync(new Uri("/api/v1/returns?mode=import", UriKind.Relative), form);
            return response.StatusCode;
        })).ToList();
        start.SetResult();
        var statuses = await Task.WhenAll(imports);
        var after = await CountsAsync(copy.Path);

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(s => s == HttpStatusCode.Created), Is.EqualTo(1), string.Join(" ", statuses));
            Assert.That(statuses.Where(s => s != HttpStatusCode.Created), Has.All.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That((after.Returns - before.Returns, after.Versions - before.Versions), Is.EqualTo((1L, 1L)));
        });
    }

    [Test]
    public async Task Beyond_PendingMaxCount_the_oldest_held_upload_goes_first()
    {
        using var copy = new FrameworkTestStore();
        var email = await copy.AddUserAsync(("performance officer", "BRD"));
        await using var server = WebHost.Create(copy.Path, b => b.UseSetting("Outcomes:Uploads:PendingMaxCount", "2"));
        using var browser = await SignedInAsync(server, email);
        var pages = new List<string>();
        foreach (var unit in new[] { "BRD-CL1", "BRD-CL2", "BRD-CL3" })
        {
            pages.Add(await (await browser.UploadAsync($"{unit}_2019-20_Q1.xlsx", Uploads.NextQuarterReturn("bradford", unit, "2019-20 Q1"))).Content.ReadAsStringAsync());
        }

        var held = (await CountsAsync(copy.Path)).Pending;
        var oldest = await browser.ConfirmAsync(pages[0]);
        var newest = await browser.ConfirmAsync(pages[2]);
        var middle = await browser.ConfirmAsync(pages[1]);

        Assert.Multiple(async () =>
        {
            Assert.That(pages, Has.All.Contains("Confirm import"));
            Assert.That(held, Is.EqualTo(2), "two at most");
            Assert.That(oldest.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the first kept went first");
            Assert.That(await oldest.Content.ReadAsStringAsync(), Does.Contain("no longer held"));
            Assert.That(newest.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(middle.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await new ReturnRepository(copy.Store).FindAsync("BRD-CC", "BRD-CL1", PeriodParser.Parse("2019-20 Q1")), Is.Null);
        });
    }

    [Test]
    public void A_cap_on_bytes_held_smaller_than_one_file_stops_the_service_starting()
    {
        using var copy = new FrameworkTestStore();
        using var host = WebHost.Create(copy.Path, b => b.UseSetting("Outcomes:Uploads:PendingMaxMegabytes", "4"));

        Assert.That(() => host.CreateClient(), Throws.Exception.With.Message.Contains("Outcomes:Uploads: PendingMaxMegabytes must hold at least one file of MaxBytes"));
    }

    /// <summary>The leeds sample with a numerator over its denominator; <paramref name="extra"/> makes other bytes of the same problems.</summary>
    private static byte[] BadReturn(string? extra = null)
    {
        var sample = Uploads.Sample("returns-with-problems/leeds-numerator-exceeds-denominator.xlsx");
        if (extra is null)
        {
            return File.ReadAllBytes(sample);
        }

        using var workbook = new XLWorkbook(sample);
        workbook.Properties.Comments = extra;
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> host, string email)
    {
        var browser = host.Browser();
        var signedIn = await browser.SignInAsync(email, WebHost.Password);
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in");
        return browser;
    }

    /// <summary>A check page from one server with the antiforgery token of the same user's session on another.</summary>
    private static async Task<string> WithTokenOfAsync(HttpClient browser, string checkPage) =>
        checkPage.Replace(WebHost.AntiforgeryToken(checkPage), WebHost.AntiforgeryToken(await browser.GetPageAsync("/returns/upload")), StringComparison.Ordinal);

    private static string Sha256Of(string checkPage) =>
        System.Text.RegularExpressions.Regex.Match(checkPage, "name=\"sha256\" value=\"([0-9A-F]{64})\"").Groups[1].Value;

    private static int ErrorsSheetRows(byte[] workbook)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook));
        return book.Worksheet("Errors").RowsUsed().Count();
    }

    private static async Task<(long Returns, long Versions, long Pending)> CountsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        async Task<long> Count(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            return (long)(await command.ExecuteScalarAsync())!;
        }

        return (await Count("returns"), await Count("return_versions"), await Count("pending_uploads"));
    }

    private static async Task<byte[]?> StoredVersionBytesAsync(string path, string sha256)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT file_bytes FROM return_versions WHERE sha256 = $sha"; // the store writes hashes in lower case
        command.Parameters.AddWithValue("$sha", sha256.ToLowerInvariant());
        return (byte[]?)await command.ExecuteScalarAsync();
    }

    /// <summary>The real clock, moved on: a server whose requests arrive that much later.</summary>
    private sealed class LaterClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + ahead;
    }
}
