using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Outcomes.Domain.Frameworks;
using Outcomes.Storage;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests;

public class WebHostTests
{
    private string _dir = string.Empty;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("outcomes-web-").FullName;

    [TearDown]
    public void TearDown()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private WebApplicationFactory<Program> Host(string dbFile, string? chromium = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Outcomes:Store:Provider", "Sqlite");
            b.UseSetting("Outcomes:Store:ConnectionString", StoreOptions.SqliteConnectionString(dbFile));
            if (chromium is not null)
            {
                b.UseSetting("Outcomes:ChromiumPath", chromium);
            }
        });

    [Test]
    public async Task Health_reports_the_migrated_store_and_the_browser()
    {
        var db = Path.Combine(_dir, "o.db");
        await using var host = Host(db, chromium: "/bin/sh");
        using var client = host.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
            Assert.That(json.GetProperty("checks")[0].GetProperty("detail").GetString(), Does.Match("Sqlite: [1-9][0-9]* schema scripts applied"));
            Assert.That(File.Exists(db), Is.True, "the store file is created and migrated at start-up");
        });
    }

    [Test]
    public async Task Health_is_503_and_says_how_to_install_when_the_browser_is_missing()
    {
        await using var host = Host(Path.Combine(_dir, "o.db"), chromium: "/nowhere/chromium");
        using var client = host.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("apt-get install chromium"));
    }

    [Test]
    public async Task Frameworks_stored_by_the_cli_are_listed_by_the_api()
    {
        var db = Path.Combine(_dir, "o.db");
        var store = OutcomesStore.Sqlite(db);
        await store.MigrateAsync();
        await new OrgUnitRepository(store).UpsertAsync([new Domain.OrgUnits.OrgUnit("BRD", "Bradford", Domain.OrgUnits.OrgUnitType.Authority, "BRD", "E08000032")], []);
        var saved = await new FrameworkRepository(store).SaveAsync(new Framework
        {
            Code = "BRD-EH", Name = "Bradford early help", AuthorityCode = "BRD", ReturningLevel = "Cluster",
            Versions = [new FrameworkVersion { FrameworkCode = "BRD-EH", Version = 1, EffectiveFrom = new DateOnly(2017, 4, 1), Measures = [new Measure { Code = "REG", Title = "Registrations" }] }],
        });
        Assert.That(saved.Saved, Is.True);

        var options = new Application.Accounts.AccountOptions();
        var users = new UserRepository(store);
        var user = await new Application.Accounts.UserAdministration(users, new Application.Accounts.PasswordHashing(options), options, TimeProvider.System)
            .AddAsync("reader@bradford.example", "Reader", [new("board member", "BRD")], WebHost.Password);
        var token = await new Application.Accounts.ApiTokens(new ApiTokenRepository(store), users, TimeProvider.System).IssueAsync(user.Id, "test");

        await using var host = Host(db);
        using var client = host.Api(token.Token);
        var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/frameworks", UriKind.Relative))).RootElement;
        Assert.That(json.GetArrayLength(), Is.EqualTo(1));
        Assert.That(json[0].GetProperty("code").GetString(), Is.EqualTo("BRD-EH"));
        Assert.That(json[0].GetProperty("versions")[0].GetProperty("measures").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_bad_period_is_a_400_naming_the_field_and_the_rule()
    {
        await using var host = Host(SampleStore.Path);
        using var client = host.Api(await SampleStore.TokenAsync(await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"))));
        var response = await client.GetAsync(new Uri("/api/v1/scorecards/BRD-EH/BRD?period=last%20quarter", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("period:").And.Contain("not a period"));
    }

    [Test]
    public void Bad_store_settings_stop_the_host_at_start_with_the_setting_named()
    {
        using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Outcomes:Store:Provider", "SqlServer");
            b.UseSetting("Outcomes:Store:ConnectionString", "Data Source=db.example;");
        });
        Assert.That(() => host.CreateClient(), Throws.Exception.With.Message.Contains("Outcomes:Store").And.Message.Contains("Initial Catalog"));
    }
}
