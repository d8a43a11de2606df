using System.Net;
using System.Text.Json;

namespace Outcomes.Web.Tests;

/// <summary>
/// Nobody reaches another authority's data, whatever URL or API call they try: each attempt is a 404 that reads exactly
/// like asking for something that does not exist. Tried by cookie (a browser typing URLs) and by API token.
/// </summary>
public sealed class CrossAuthorityTests
{
    private const string Quarter = "2018-19%20Q4";
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = WebHost.Create(SampleStore.Path);

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task A_token_reads_its_owners_scorecards_and_gets_404_for_everything_outside_them()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("performance officer", "BRD-CL1"));
        using var api = _host.Api(await SampleStore.TokenAsync(email));

        var own = await api.GetAsync(Url("BRD-CC", "BRD-CL1"));
        var ownJson = JsonDocument.Parse(await own.Content.ReadAsStringAsync()).RootElement;
        var attempts = new Dictionary<string, HttpResponseMessage>
        {
            ["another authority's framework and unit"] = await api.GetAsync(Url("LDS-ESD", "LDS")),
            ["another authority's unit under our framework"] = await api.GetAsync(Url("BRD-CC", "LDS")),
            ["our unit under another authority's framework"] = await api.GetAsync(Url("LDS-ESD", "BRD-CL1")),
            ["a sibling cluster in our own authority"] = await api.GetAsync(Url("BRD-CC", "BRD-CL2")),
            ["our authority, above our scope"] = await api.GetAsync(Url("BRD-CC", "BRD")),
        };
        var missing = await api.GetAsync(Url("NOPE-XX", "NOPE"));
        var missingBody = Shape(await missing.Content.ReadAsStringAsync(), "NOPE-XX", "NOPE");
        var frameworks = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/frameworks", UriKind.Relative))).RootElement;

        Assert.Multiple(async () =>
        {
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ownJson.GetArrayLength(), Is.GreaterThan(0));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            foreach (var (what, response) in attempts)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), what);
                var path = response.RequestMessage!.RequestUri!.AbsolutePath.Split('/');
                Assert.That(Shape(await response.Content.ReadAsStringAsync(), path[^2], path[^1]), Is.EqualTo(missingBody), $"{what}: the same answer as for nothing at all");
            }

            Assert.That(frameworks.EnumerateArray().Select(f => f.GetProperty("code").GetString()), Is.EqualTo(new[] { "BRD-CC" }), "only its own authority's frameworks are listed");
        });
    }

    [Test]
    public async Task A_signed_in_browser_typing_another_authoritys_urls_gets_404_and_its_dashboard_shows_only_its_authority()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("scrutiny member", "LDS"));
        using var browser = _host.Browser();
        await browser.SignInAsync(email, WebHost.Password);

        var own = await browser.GetAsync(Url("LDS-ESD", "LDS"));
        var bradford = await browser.GetAsync(Url("BRD-CC", "BRD"));
        var bradfordCluster = await browser.GetAsync(Url("BRD-CC", "BRD-CL1"));
        var dashboard = await browser.GetPageAsync("/");
        var frameworks = await browser.GetStringAsync(new Uri("/api/v1/frameworks", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(bradford.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(bradfordCluster.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(dashboard, Does.Contain("Leeds City Council").And.Not.Contain("Bradford").And.Not.Contain("BRD-"));
            Assert.That(frameworks, Does.Contain("LDS-ESD").And.Not.Contain("BRD-CC"));
        });
    }

    [Test]
    public async Task Without_a_valid_token_the_api_answers_401_and_a_revoked_token_stops_working()
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        var token = await SampleStore.TokenAsync(email);
        using var anonymous = _host.Api(null);
        using var forged = _host.Api("oct_" + new string('A', 43));
        using var valid = _host.Api(token);

        var before = await valid.GetAsync(Url("BRD-CC", "BRD"));
        var store = SampleStore.Store;
        var user = await new Storage.Repositories.UserRepository(store).FindByUserNameAsync(email);
        var tokens = new Storage.Repositories.ApiTokenRepository(store);
        var id = (await tokens.ListAsync(user!.Id)).Single().Id;
        await tokens.RevokeAsync(user.Id, id, DateTimeOffset.UtcNow);
        var after = await valid.GetAsync(Url("BRD-CC", "BRD"));

        Assert.Multiple(async () =>
        {
            Assert.That((await anonymous.GetAsync(Url("BRD-CC", "BRD"))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await anonymous.GetAsync(new Uri("/api/v1/frameworks", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await forged.GetAsync(Url("BRD-CC", "BRD"))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    private static Uri Url(string framework, string unit) => new($"/api/v1/scorecards/{framework}/{unit}?period={Quarter}", UriKind.Relative);

    // The body with the asked-for codes taken out: what is left must not differ between "not yours" and "not there".
    private static string Shape(string body, string framework, string unit) =>
        body.Replace(framework, "{framework}", StringComparison.Ordinal).Replace(unit, "{unit}", StringComparison.Ordinal);
}
