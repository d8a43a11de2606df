using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Outcomes.Storage;

namespace Outcomes.Web.Tests;

/// <summary>The real host over a real SQLite file, with an HTTPS client that keeps cookies and does not follow redirects.</summary>
internal static partial class WebHost
{
    public const string Password = "correct horse battery staple";

    public static WebApplicationFactory<Program> Create(string dbFile, Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Outcomes:Store:Provider", "Sqlite");
            b.UseSetting("Outcomes:Store:ConnectionString", StoreOptions.SqliteConnectionString(dbFile));

            // The shared sample store keeps the scores it was built with, whatever other tests import into it; tests
            // of background scoring use a private copy (FrameworkTestStore).
            b.UseSetting("Outcomes:Scoring:Enabled", dbFile == SampleStore.Path ? "false" : "true");
            configure?.Invoke(b);
        });

    public static HttpClient Browser(this WebApplicationFactory<Program> host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    public static HttpClient Api(this WebApplicationFactory<Program> host, string? token)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Gets the sign-in page and posts the form with its antiforgery token, as a browser would.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync(new Uri("/sign-in", UriKind.Relative));
        return await client.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));
    }

    public static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new AssertionException("No antiforgery token in the page.");

    public static Task<string> GetPageAsync(this HttpClient client, string path) => client.GetStringAsync(new Uri(path, UriKind.Relative));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}

/// <summary>Keeps what the host logged, so a test can read what `make serve` prints.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._lines)
            {
                owner._lines.Add(formatter(state, exception));
            }
        }
    }
}
