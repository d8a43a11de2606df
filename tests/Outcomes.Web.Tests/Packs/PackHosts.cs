using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Outcomes.Application.Accounts;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests.Packs;

/// <summary>
/// A copy of the sample store for the pack tests (so queued or running jobs never leak into other fixtures' hosts, which
/// would take them up at start), a packs folder of its own, and a host over both with the pack options the test wants.
/// </summary>
internal sealed partial class PackHost : IDisposable
{
    private readonly string _folder;

    private PackHost(string folder, string dbPath, WebApplicationFactory<Program> factory)
    {
        _folder = folder;
        DbPath = dbPath;
        Factory = factory;
    }

    public string DbPath { get; }

    public string PacksFolder => Path.Combine(_folder, "packs");

    public OutcomesStore Store => OutcomesStore.Sqlite(DbPath);

    public PackJobRepository Jobs => new(Store);

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>A copy of the sample store, made with VACUUM INTO (a consistent copy of a WAL-mode file).</summary>
    public static async Task<string> CopySampleStoreAsync(string folder)
    {
        var path = Path.Combine(folder, "outcomes.db");
        await using var connection = (SqliteConnection)await SampleStore.Store.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO @Path;";
        command.Parameters.AddWithValue("@Path", path);
        await command.ExecuteNonQueryAsync();
        return path;
    }

    /// <summary>Copies the sample store; <paramref name="beforeStart"/> may change the copy before the host first starts.</summary>
    public static async Task<PackHost> StartAsync(string? chromiumPath = null, int maxConcurrentJobs = 2, Func<OutcomesStore, Task>? beforeStart = null, Action<IWebHostBuilder>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("outcomes-web-packs-").FullName;
        var db = await CopySampleStoreAsync(folder);
        if (beforeStart is not null)
        {
            var store = OutcomesStore.Sqlite(db);
            await store.MigrateAsync();
            await beforeStart(store);
        }

        var factory = WebHost.Create(db, b =>
        {
            b.UseSetting("Outcomes:Packs:OutputFolder", Path.Combine(folder, "packs"));
            b.UseSetting("Outcomes:Packs:SettingsFolder", Path.Combine(SampleStore.RepositoryRoot, "samples", "pack-settings"));
            b.UseSetting("Outcomes:Packs:MaxConcurrentJobs", maxConcurrentJobs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (chromiumPath is not null)
            {
                b.UseSetting("Outcomes:ChromiumPath", chromiumPath);
            }

            configure?.Invoke(b);
        });
        return new PackHost(folder, db, factory);
    }

    /// <summary>A new user of this store with the password <see cref="WebHost.Password"/> and these roles.</summary>
    public Task<string> AddUserAsync(params (string Role, string Scope)[] roles) => SampleStore.AddUserAsync(Store, WebHost.Password, roles);

    public async Task<HttpClient> SignedInAsync(params (string Role, string Scope)[] roles)
    {
        var browser = Factory.Browser();
        var signedIn = await browser.SignInAsync(await AddUserAsync(roles), WebHost.Password);
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in");
        return browser;
    }

    public async Task<HttpClient> ApiAsync(params (string Role, string Scope)[] roles)
    {
        return Factory.Api(await SampleStore.TokenAsync(Store, await AddUserAsync(roles)));
    }

    /// <summary>Posts the /packs form as a browser would (antiforgery token from the page).</summary>
    public static async Task<HttpResponseMessage> AskOnPageAsync(HttpClient browser, string kind, string framework, string unit, string period)
    {
        var page = await browser.GetPageAsync("/packs");
        return await browser.PostAsync(new Uri("/packs", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Kind"] = kind, ["Framework"] = framework, ["Unit"] = unit, ["Period"] = period,
            ["__RequestVerificationToken"] = WebHost.AntiforgeryToken(page),
        }));
    }

    public static Task<HttpResponseMessage> AskByApiAsync(HttpClient api, string kind, string framework, string unit, string period) =>
        api.PostAsync(new Uri("/api/v1/packs", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { kind, framework, unit, period }));

    /// <summary>The job id from the page's redirect (/packs/{id}).</summary>
    public static long JobIdFrom(HttpResponseMessage redirect)
    {
        Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the form sends the browser to the job's page");
        var match = JobPath().Match(redirect.Headers.Location!.OriginalString);
        Assert.That(match.Success, Is.True, $"redirected to a job page, not {redirect.Headers.Location}");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until the job is done or failed (polling the store), collecting the stages seen on the way.</summary>
    public async Task<(PackJob Job, IReadOnlyList<string> Stages)> FinishedAsync(long id, TimeSpan? timeout = null)
    {
        var stages = new List<string>();
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (DateTime.UtcNow < until)
        {
            var job = await Jobs.GetAsync(id);
            Assert.That(job, Is.Not.Null, $"job {id} exists");
            if (stages.Count == 0 || stages[^1] != job!.Stage)
            {
                stages.Add(job!.Stage);
            }

            if (job.IsFinished)
            {
                return (job, stages);
            }

            await Task.Delay(50);
        }

        throw new AssertionException($"Pack job {id} did not finish within {(timeout ?? TimeSpan.FromMinutes(3)).TotalSeconds} s; stages seen: {string.Join(", ", stages)}");
    }

    public void Dispose()
    {
        Factory.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing Chromium; the temp folder is the system's to clean.
        }
    }

    [GeneratedRegex(@"^/packs/(\d+)$")]
    private static partial Regex JobPath();
}
