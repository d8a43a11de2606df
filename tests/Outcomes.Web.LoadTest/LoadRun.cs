using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Outcomes.Domain.Periods;
using Outcomes.Storage.Repositories;
using Outcomes.Web.LoadTest.Hosting;

namespace Outcomes.Web.LoadTest;

/// <summary>
/// How much load: readers × dashboard requests each, and concurrent uploads (validate then confirm) of distinct returns
/// for a quarter the samples lack (Q1 or Q2: a Q3 return also owes the annual measures, which a re-labelled Q4 lacks).
/// </summary>
public sealed record LoadPlan(int Readers, int RequestsPerReader, int Uploads, string UploadPeriod = "2019-20 Q2");

/// <summary>One timed request: its kind (sign-in, dashboard, validate, confirm), how long it took, and what went wrong if anything.</summary>
public sealed record TimedRequest(string Kind, double Milliseconds, string? Error);

public sealed record LoadResult(LoadPlan Plan, IReadOnlyList<TimedRequest> Requests, TimeSpan Elapsed, IReadOnlyList<string> StoreProblems)
{
    public IReadOnlyList<TimedRequest> Errors => Requests.Where(r => r.Error is not null).ToList();
}

/// <summary>
/// A bounded load against the running site through real sockets: readers (each signed in with its own cookie, as one
/// of several users over different scopes) fetch dashboards while uploaders validate and confirm distinct new returns,
/// all started together. Afterwards the store is checked: each upload is there exactly once (one return, one version),
/// and nothing else was added.
/// </summary>
public sealed class LoadRun(LoopbackServer server, SampleStoreFile store)
{
    public const string Password = "load test horse battery staple";

    /// <summary>The readers' users: every role, over an authority, a cluster or a centre, in several councils.</summary>
    public static readonly (string Role, string Scope)[] ReaderRoles =
    [
        ("administrator", "LDS"), ("board member", "BRD"), ("scrutiny member", "ESX"), ("approver", "BPL"),
        ("performance officer", "BRD-CL2"), ("performance officer", "LDS-CL07"), ("board member", "CAM"), ("board member", "WLT-N"),
    ];

    public async Task<LoadResult> RunAsync(LoadPlan plan, CancellationToken ct = default)
    {
        var readerUsers = new List<string>();
        foreach (var role in ReaderRoles)
        {
            readerUsers.Add(await store.AddUserAsync(Password, role));
        }

        var returns = NextQuarterReturns.Distinct(Path.Combine(store.RepositoryRoot, "samples"), plan.UploadPeriod, plan.Uploads);
        var uploaders = new List<string>();
        foreach (var r in returns)
        {
            uploaders.Add(await store.AddUserAsync(Password, ("performance officer", r.OrgUnitCode)));
        }

        var before = await store.StoredCountsAsync();
        var timings = new ConcurrentQueue<TimedRequest>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = Enumerable.Range(0, plan.Readers).Select(i => ReadAsync(readerUsers[i % readerUsers.Count], plan.RequestsPerReader, start.Task, timings, ct))
            .Concat(returns.Select((r, i) => UploadAsync(uploaders[i], r, start.Task, timings, ct)))
            .ToList();
        var clock = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(work);
        clock.Stop();

        return new LoadResult(plan, [.. timings], clock.Elapsed, await CheckStoreAsync(returns, before));
    }

    private async Task ReadAsync(string user, int requests, Task start, ConcurrentQueue<TimedRequest> timings, CancellationToken ct)
    {
        using var client = new SiteClient(server.BaseAddress);
        await start;
        if (!await TimeAsync("sign-in", timings, async () => await client.SignInAsync(user, Password, ct) ? null : "sign-in refused"))
        {
            return;
        }

        for (var i = 0; i < requests; i++)
        {
            await TimeAsync("dashboard", timings, async () =>
            {
                var (status, body) = await client.GetAsync("/", ct);
                return status != HttpStatusCode.OK ? $"dashboard answered {(int)status}"
                    : !body.Contains("<h1 class=\"govuk-heading-l\">Your dashboard</h1>", StringComparison.Ordinal) ? "dashboard page without its heading"
                    : !body.Contains("govuk-table", StringComparison.Ordinal) ? "dashboard without a scores table"
                    : null;
            });
        }
    }

    private async Task UploadAsync(string user, NewReturn file, Task start, ConcurrentQueue<TimedRequest> timings, CancellationToken ct)
    {
        using var client = new SiteClient(server.BaseAddress);
        await start;
        if (!await TimeAsync("sign-in", timings, async () => await client.SignInAsync(user, Password, ct) ? null : "sign-in refused"))
        {
            return;
        }

        var checkPage = string.Empty;
        if (!await TimeAsync("validate", timings, async () =>
            {
                (var status, checkPage) = await client.ValidateAsync(file.FileName, file.Bytes, ct);
                return status == HttpStatusCode.OK && checkPage.Contains("Confirm import", StringComparison.Ordinal) ? null : $"validate {file.FileName} answered {(int)status}";
            }))
        {
            return;
        }

        await TimeAsync("confirm", timings, async () =>
        {
            var (status, page) = await client.ConfirmAsync(checkPage, ct);
            return status == HttpStatusCode.OK && page.Contains("Version 1", StringComparison.Ordinal) ? null : $"confirm {file.FileName} answered {(int)status}";
        });
    }

    /// <summary>Times one request; an exception or a returned problem counts as an error. True when it went well.</summary>
    private static async Task<bool> TimeAsync(string kind, ConcurrentQueue<TimedRequest> timings, Func<Task<string?>> request)
    {
        var watch = Stopwatch.StartNew();
        string? error;
        try
        {
            error = await request();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            error = $"{e.GetType().Name}: {e.Message}";
        }

        timings.Enqueue(new TimedRequest(kind, watch.Elapsed.TotalMilliseconds, error));
        return error is null;
    }

    private async Task<IReadOnlyList<string>> CheckStoreAsync(IReadOnlyList<NewReturn> uploaded, (long Returns, long Versions, long Uploads) before)
    {
        var problems = new List<string>();
        var repository = new ReturnRepository(store.Store);
        foreach (var r in uploaded)
        {
            var versions = await repository.GetVersionsAsync(r.FrameworkCode, r.OrgUnitCode, PeriodParser.Parse(r.PeriodKey));
            if (versions.Count != 1)
            {
                problems.Add($"{r.OrgUnitCode} {r.PeriodKey}: {versions.Count} stored versions, not exactly 1");
            }
        }

        var after = await store.StoredCountsAsync();
        if (after.Returns - before.Returns != uploaded.Count)
        {
            problems.Add($"{after.Returns - before.Returns} returns added for {uploaded.Count} uploads");
        }

        if (after.Versions - before.Versions != uploaded.Count)
        {
            problems.Add($"{after.Versions - before.Versions} return versions added for {uploaded.Count} uploads");
        }

        return problems;
    }
}
