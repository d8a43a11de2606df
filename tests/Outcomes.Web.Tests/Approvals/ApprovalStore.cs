using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Outcomes.Application.Accounts;
using Outcomes.Application.Returns;
using Outcomes.Domain.Periods;
using Outcomes.Domain.Returns;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;
using Outcomes.Storage.Returns;

namespace Outcomes.Web.Tests.Approvals;

/// <summary>
/// A private copy of the sample store (a real SQLite file made with VACUUM INTO) and a host over it, so approving,
/// locking and reopening here never changes what the other fixtures see. Hands out Leeds returns that approve cleanly
/// (no history warning lacking commentary), each once, and sets their starting status through the real workflow.
/// </summary>
internal sealed class ApprovalStore : IDisposable
{
    public const string Framework = "LDS-ESD";

    private readonly string _folder;
    private readonly Queue<(string Unit, Period Period)> _clean;

    private ApprovalStore(string folder, string path, Queue<(string Unit, Period Period)> clean)
    {
        _folder = folder;
        Path = path;
        _clean = clean;
        Host = WebHost.Create(path);
    }

    public string Path { get; }

    public OutcomesStore Store => OutcomesStore.Sqlite(Path);

    public WebApplicationFactory<Program> Host { get; }

    public ReturnWorkflowService Workflow => new(Store);

    public static async Task<ApprovalStore> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("outcomes-web-approvals-").FullName;
        var path = System.IO.Path.Combine(folder, "outcomes.db");
        await using (var connection = new SqliteConnection(StoreOptions.SqliteConnectionString(SampleStore.Path)))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $path";
            command.Parameters.AddWithValue("$path", path);
            await command.ExecuteNonQueryAsync();
        }

        var store = OutcomesStore.Sqlite(path);
        var workflow = new ReturnWorkflowService(store);
        var clean = new Queue<(string, Period)>();
        foreach (var r in (await workflow.ListAsync(Framework)).Where(r => r.Status == ReturnStatus.Submitted).OrderByDescending(r => r.Period).ThenBy(r => r.OrgUnitCode, StringComparer.Ordinal))
        {
            if (!(await workflow.HistoryFindingsAsync(Framework, r.OrgUnitCode, r.Period)).Any(f => f.NeedsCommentary))
            {
                clean.Enqueue((r.OrgUnitCode, r.Period));
            }
        }

        return new ApprovalStore(folder, path, clean);
    }

    /// <summary>A Leeds return no other test has used, put in <paramref name="status"/> by an administrator through the workflow.</summary>
    public async Task<(string Unit, Period Period)> FreshReturnAsync(ReturnStatus status)
    {
        (string Unit, Period Period) picked;
        lock (_clean)
        {
            picked = _clean.Dequeue();
        }

        if (status is ReturnStatus.Approved or ReturnStatus.Locked)
        {
            Assert.That((await Workflow.ApproveAsync(Framework, picked.Unit, picked.Period, "setup@council.example", WorkflowRole.Administrator)).Done, Is.True);
        }

        if (status == ReturnStatus.Locked)
        {
            Assert.That((await Workflow.LockAsync(Framework, picked.Unit, picked.Period, "setup@council.example", WorkflowRole.Administrator)).Done, Is.True);
        }

        Assert.That(await StatusAsync(picked.Unit, picked.Period), Is.EqualTo(status), "the starting status");
        return picked;
    }

    /// <summary>A submitted Leeds return whose latest version has a history warning without commentary.</summary>
    public async Task<(string Unit, Period Period)> ReturnNeedingCommentaryAsync()
    {
        foreach (var r in (await Workflow.ListAsync(Framework)).Where(r => r.Status == ReturnStatus.Submitted).OrderByDescending(r => r.Period))
        {
            if ((await Workflow.HistoryFindingsAsync(Framework, r.OrgUnitCode, r.Period)).Any(f => f.NeedsCommentary))
            {
                return (r.OrgUnitCode, r.Period);
            }
        }

        throw new AssertionException("The sample store has no Leeds return needing commentary.");
    }

    public async Task<ReturnStatus?> StatusAsync(string unit, Period period, string framework = Framework) =>
        (await new ReturnRepository(Store).FindAsync(framework, unit, period))?.Status;

    public async Task<int> AuditRowsAsync() => (await new AuditRepository(Store).ListAsync()).Count;

    /// <summary>A new user (unique name) in this store, made as `outcomes users add` makes one.</summary>
    public Task<string> AddUserAsync(params (string Role, string Scope)[] roles) => SampleStore.AddUserAsync(Store, WebHost.Password, roles);

    public async Task<HttpClient> BrowserAsync(params (string Role, string Scope)[] roles)
    {
        var browser = Host.Browser();
        var signedIn = await browser.SignInAsync(await AddUserAsync(roles), WebHost.Password);
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in");
        return browser;
    }

    public async Task<HttpClient> ApiAsync(params (string Role, string Scope)[] roles)
    {
        return Host.Api(await SampleStore.TokenAsync(Store, await AddUserAsync(roles)));
    }

    public void Dispose()
    {
        Host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Browser and API steps of the approval tests.</summary>
internal static class Approve
{
    public static string Url(string unit, Period period, string framework = ApprovalStore.Framework) =>
        $"/returns/{Uri.EscapeDataString(framework)}/{Uri.EscapeDataString(unit)}/{Uri.EscapeDataString(period.Key)}";

    /// <summary>Gets the return page and posts an action's form with the page's antiforgery token (or none), as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostActionAsync(this HttpClient browser, string returnUrl, string action, string? reason, bool withToken = true)
    {
        var page = await browser.GetPageAsync("/returns");
        var form = new Dictionary<string, string> { ["reason"] = reason ?? string.Empty };
        if (withToken)
        {
            form["__RequestVerificationToken"] = WebHost.AntiforgeryToken(page);
        }

        return await browser.PostAsync(new Uri($"{returnUrl}/{action}", UriKind.Relative), new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> ApiActionAsync(this HttpClient api, string returnUrl, string action, string? reason) =>
        api.PostAsync(new Uri($"/api/v1{returnUrl}/{action}", UriKind.Relative), JsonContent(new { reason }));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>A sample return workbook with one plain count changed (and its commentary saying so): a second version with different figures.</summary>
    public static (byte[] Bytes, string Measure, decimal Old, decimal New) Corrected(string council, string unit, string periodFile)
    {
        using var workbook = new XLWorkbook(Uploads.Sample($"returns/{council}/{unit}_{periodFile}.xlsx"));
        var data = workbook.Worksheet("Data");
        var row = data.RowsUsed().Skip(1).First(r => r.Cell(4).TryGetValue<double>(out _) && r.Cell(5).IsEmpty() && r.Cell(6).IsEmpty() && r.Cell(7).IsEmpty());
        var old = (decimal)row.Cell(4).GetValue<double>();
        var changed = old + 3;
        row.Cell(4).Value = (double)changed;
        row.Cell(7).Value = "Corrected after a late registration was found";
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return (output.ToArray(), row.Cell(1).GetString(), old, changed);
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
