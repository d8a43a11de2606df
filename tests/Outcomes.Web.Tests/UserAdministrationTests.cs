using System.Net;
using System.Text.RegularExpressions;
using Outcomes.Domain.Access;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Tests;

/// <summary>
/// The users pages through the real host over the sample store: who may open and act on them, escalation attempts
/// refused with nothing stored, another authority's user a 404 by URL, lockout and unlock, every change audited.
/// </summary>
public sealed partial class UserAdministrationTests
{
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = WebHost.Create(SampleStore.Path);

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    [TestCase("performance officer")]
    [TestCase("approver")]
    [TestCase("board member")]
    [TestCase("scrutiny member")]
    public async Task Roles_that_do_not_manage_users_get_404_on_every_users_page_and_action_and_store_nothing(string role)
    {
        var email = await SampleStore.AddUserAsync(WebHost.Password, (role, "BRD"));
        var target = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD-CL1"));
        var targetId = await IdOf(target);
        using var browser = await SignedInAsync(email);
        var account = await browser.GetPageAsync("/account");
        var token = WebHost.AntiforgeryToken(account);
        var newName = $"made-by-{Guid.NewGuid():N}@council.example";

        var list = await browser.GetAsync(new Uri("/users", UriKind.Relative));
        var add = await browser.GetAsync(new Uri("/users/new", UriKind.Relative));
        var details = await browser.GetAsync(new Uri($"/users/{targetId}", UriKind.Relative));
        var posted = await browser.PostAsync(new Uri("/users/new", UriKind.Relative), Form(token, ("UserName", newName), ("DisplayName", "X"), ("Role", "BoardMember"), ("Scope", "BRD")));
        var granted = await browser.PostAsync(new Uri($"/users/{targetId}/grant", UriKind.Relative), Form(token, ("Role", "Administrator"), ("Scope", "BRD")));

        Assert.Multiple(async () =>
        {
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(add.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(details.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await Users.FindByUserNameAsync(newName), Is.Null);
            Assert.That((await Users.FindByUserNameAsync(target))!.Roles, Is.EqualTo(new[] { new RoleAssignment(Role.BoardMember, "BRD-CL1") }));
            Assert.That(account, Does.Not.Contain("href=\"/users\""), "no Users link for those who cannot manage users");
            Assert.That(account, Does.Contain("href=\"/account\""));
        });
    }

    [Test]
    public async Task An_administrator_lists_only_users_within_their_scope_and_adds_one_whose_shown_once_password_signs_in()
    {
        var admin = await SampleStore.AddUserAsync(WebHost.Password, ("admin", "BRD"));
        var bradfordOfficer = await SampleStore.AddUserAsync(WebHost.Password, ("performance officer", "BRD-CL1"));
        var leedsOfficer = await SampleStore.AddUserAsync(WebHost.Password, ("performance officer", "LDS"));
        using var browser = await SignedInAsync(admin);

        var list = await browser.GetPageAsync("/users");
        var form = await browser.GetPageAsync("/users/new");
        var newName = $"new-{Guid.NewGuid():N}@council.example";
        var added = await browser.PostAsync(new Uri("/users/new", UriKind.Relative), Form(WebHost.AntiforgeryToken(form),
            ("UserName", newName), ("DisplayName", "Nadia New"), ("Role", "Approver"), ("Scope", "BRD-CL1"), ("Password", string.Empty)));
        var addedHtml = await added.Content.ReadAsStringAsync();
        var password = GeneratedPassword().Match(addedHtml).Groups[1].Value;
        var stored = await Users.FindByUserNameAsync(newName);
        var audit = await AuditOf(stored?.Id ?? 0);
        using var newcomer = _host.Browser();
        var signIn = await newcomer.SignInAsync(newName, password);

        Assert.Multiple(() =>
        {
            Assert.That(list, Does.Contain(bradfordOfficer).And.Not.Contain(leedsOfficer));
            Assert.That(list, Does.Contain("performance officer over BRD-CL1"));
            Assert.That(form, Does.Contain("<option value=\"BRD-CL1-C01\"").And.Not.Contain("value=\"LDS"), "scopes offered are the admin's own");
            Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(added.Headers.CacheControl?.NoStore, Is.True, "a page showing a password is not cached");
            Assert.That(addedHtml, Does.Contain("shown only once"));
            Assert.That(password, Has.Length.EqualTo(20));
            Assert.That(stored!.Roles, Is.EqualTo(new[] { new RoleAssignment(Role.Approver, "BRD-CL1") }));
            Assert.That(stored.PasswordHash, Does.Not.Contain(password));
            Assert.That(audit.Select(a => (a.ChangedBy, a.Reason)), Is.EqualTo(new[] { (admin, "User added") }));
            Assert.That(audit.Single().NewValue, Does.Not.Contain(password));
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the generated password signs in");
        });
    }

    [Test]
    public async Task Every_missing_field_on_add_a_user_is_in_the_error_summary_linked_to_its_field_and_a_short_password_is_refused()
    {
        var admin = await SampleStore.AddUserAsync(WebHost.Password, ("admin", "BRD"));
        using var browser = await SignedInAsync(admin);
        var form = await browser.GetPageAsync("/users/new");

        var empty = await (await browser.PostAsync(new Uri("/users/new", UriKind.Relative), Form(WebHost.AntiforgeryToken(form)))).Content.ReadAsStringAsync();
        var shortName = $"short-{Guid.NewGuid():N}@council.example";
        var shortPassword = await (await browser.PostAsync(new Uri("/users/new", UriKind.Relative), Form(WebHost.AntiforgeryToken(form),
            ("UserName", shortName), ("DisplayName", "S"), ("Role", "BoardMember"), ("Scope", "BRD"), ("Password", "short")))).Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(empty, Does.Contain("<title>Error: Add a user"));
            Assert.That(empty, Does.Contain("<a href=\"#user-name\">Enter an email address or user name</a>"));
            Assert.That(empty, Does.Contain("<a href=\"#display-name\">Enter the person&#x27;s name</a>"));
            Assert.That(empty, Does.Contain("<a href=\"#role\">Select a role</a>"));
            Assert.That(empty, Does.Contain("<a href=\"#scope\">Select the org unit the role covers</a>"));
            Assert.That(empty, Does.Contain("id=\"user-name-error\"").And.Contain("govuk-select--error"));
            Assert.That(shortPassword, Does.Contain("<a href=\"#password\">The password must be at least 12 characters</a>"));
            Assert.That(await Users.FindByUserNameAsync(shortName), Is.Null);
        });
    }

    [Test]
    public async Task A_cluster_administrator_cannot_grant_outside_their_cluster_nor_authority_wide_reading_and_nothing_is_stored()
    {
        var admin = await SampleStore.AddUserAsync(WebHost.Password, ("admin", "BRD-CL1"));
        var target = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD-CL1-C01"));
        var targetId = await IdOf(target);
        var auditBefore = (await new AuditRepository(SampleStore.Store).ListAsync()).Count;
        using var browser = await SignedInAsync(admin);
        var page = await browser.GetPageAsync($"/users/{targetId}");
        var token = WebHost.AntiforgeryToken(page);

        var attempts = new Dictionary<string, (string Role, string Scope)>
        {
            ["the whole authority"] = ("Administrator", "BRD"),
            ["a sibling cluster"] = ("PerformanceOfficer", "BRD-CL2"),
            ["another authority"] = ("BoardMember", "LDS"),
            ["a scrutiny role, which reads the whole authority"] = ("ScrutinyMember", "BRD-CL1"),
            ["a unit that does not exist"] = ("BoardMember", "NOPE"),
        };
        var pages = new Dictionary<string, string>();
        foreach (var (what, (role, scope)) in attempts)
        {
            pages[what] = await (await browser.PostAsync(new Uri($"/users/{targetId}/grant", UriKind.Relative), Form(token, ("Role", role), ("Scope", scope)))).Content.ReadAsStringAsync();
        }

        var newName = $"escalate-{Guid.NewGuid():N}@council.example";
        var add = await (await browser.PostAsync(new Uri("/users/new", UriKind.Relative), Form(token,
            ("UserName", newName), ("DisplayName", "E"), ("Role", "Administrator"), ("Scope", "BRD"), ("Password", WebHost.Password)))).Content.ReadAsStringAsync();
        var allowed = await browser.PostAsync(new Uri($"/users/{targetId}/grant", UriKind.Relative), Form(token, ("Role", "Approver"), ("Scope", "BRD-CL1-C02")));

        Assert.Multiple(async () =>
        {
            foreach (var (what, html) in pages)
            {
                Assert.That(html, Does.Contain("govuk-error-summary").And.Contain("<a href=\"#scope\">You can only give"), what);
            }

            Assert.That(pages["a scrutiny role, which reads the whole authority"], Does.Contain("whole authority"));
            Assert.That(add, Does.Contain("<a href=\"#scope\">You can only give roles over org units within your own scope; BRD is not one of them</a>"));
            Assert.That(await Users.FindByUserNameAsync(newName), Is.Null);
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a grant within the cluster works");
            Assert.That((await Users.FindByUserNameAsync(target))!.Roles, Is.EquivalentTo(new[] { new RoleAssignment(Role.BoardMember, "BRD-CL1-C01"), new RoleAssignment(Role.Approver, "BRD-CL1-C02") }));
            Assert.That((await new AuditRepository(SampleStore.Store).ListAsync()).Count, Is.EqualTo(auditBefore + 1), "only the allowed grant is audited");
        });
    }

    [Test]
    public async Task Another_authoritys_user_is_404_by_url_for_every_action_and_is_left_unchanged()
    {
        var admin = await SampleStore.AddUserAsync(WebHost.Password, ("admin", "BRD"));
        var leeds = await SampleStore.AddUserAsync(WebHost.Password, ("admin", "LDS"));
        var leedsId = await IdOf(leeds);
        var before = await Users.FindByUserNameAsync(leeds);
        using var browser = await SignedInAsync(admin);
        var token = WebHost.AntiforgeryToken(await browser.GetPageAsync("/users"));

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["view"] = await browser.GetAsync(new Uri($"/users/{leedsId}", UriKind.Relative)),
            ["reset"] = await browser.PostAsync(new Uri($"/users/{leedsId}/reset", UriKind.Relative), Form(token, ("NewPassword", "a brand new password 1"))),
            ["revoke"] = await browser.PostAsync(new Uri($"/users/{leedsId}/revoke", UriKind.Relative), Form(token, ("Role", "Administrator"), ("Scope", "LDS"))),
            ["grant"] = await browser.PostAsync(new Uri($"/users/{leedsId}/grant", UriKind.Relative), Form(token, ("Role", "BoardMember"), ("Scope", "BRD"))),
            ["disable"] = await browser.PostAsync(new Uri($"/users/{leedsId}/disable", UriKind.Relative), Form(token)),
            ["a user that does not exist"] = await browser.GetAsync(new Uri("/users/999999999", UriKind.Relative)),
        };
        var after = await Users.FindByUserNameAsync(leeds);

        Assert.Multiple(() =>
        {
            foreach (var (what, response) in responses)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), what);
            }

            Assert.That(after, Is.EqualTo(before).Using<UserAccount>((a, b) => a.PasswordHash == b.PasswordHash && a.Roles.SequenceEqual(b.Roles) && a.DisabledAt == b.DisabledAt));
        });
    }

    [Test]
    public async Task An_administrator_cannot_remove_their_own_last_administrator_role_nor_disable_themselves()
    {
        var admin = await SampleStore.AddUserAsync(WebHost.Password, ("admin", "BRD"));
        var id = await IdOf(admin);
        using var browser = await SignedInAsync(admin);
        var page = await browser.GetPageAsync($"/users/{id}");
        var token = WebHost.AntiforgeryToken(page);

        var revoke = await (await browser.PostAsync(new Uri($"/users/{id}/revoke", UriKind.Relative), Form(token, ("Role", "Administrator"), ("Scope", "BRD")))).Content.ReadAsStringAsync();
        var disable = await (await browser.PostAsync(new Uri($"/users/{id}/disable", UriKind.Relative), Form(token))).Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(revoke, Does.Contain("<a href=\"#roles\">You cannot remove your own last administrator role: ask another administrator</a>"));
            Assert.That(disable, Does.Contain("<a href=\"#disable\">You cannot disable your own account</a>"));
            Assert.That(page, Does.Not.Contain("Disable account"), "no disable button on one's own page");
            var stored = await Users.FindByUserNameAsync(admin);
            Assert.That(stored!.Roles, Is.EqualTo(new[] { new RoleAssignment(Role.Administrator, "BRD") }));
            Assert.That(stored.IsDisabled, Is.False);
        });
    }

    [Test]
    public async Task A_locked_out_user_is_shown_as_locked_and_an_administrator_unlocks_them()
    {
        var admin = await SampleStore.AddUserAsync(WebHost.Password, ("admin", "BRD"));
        var locked = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        var lockedId = await IdOf(locked);
        using var victim = _host.Browser();
        for (var i = 0; i < 5; i++)
        {
            await victim.SignInAsync(locked, $"wrong {i}");
        }

        var refused = await victim.SignInAsync(locked, WebHost.Password);
        using var browser = await SignedInAsync(admin);
        var page = await browser.GetPageAsync($"/users/{lockedId}");
        var unlock = await browser.PostAsync(new Uri($"/users/{lockedId}/unlock", UriKind.Relative), Form(WebHost.AntiforgeryToken(page)));
        var after = await browser.GetPageAsync(unlock.Headers.Location!.OriginalString);
        var signIn = await victim.SignInAsync(locked, WebHost.Password);
        var audit = await AuditOf(lockedId);

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK), "locked: the form again");
            Assert.That(page, Does.Contain("Locked out").And.Contain("Unlock account"));
            Assert.That(unlock.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(after, Does.Contain("Account unlocked").And.Contain("govuk-tag--green"));
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the right password works once unlocked");
            Assert.That(audit.Select(a => a.Reason), Does.Contain("Account unlocked"));
            Assert.That(audit.Single(a => a.Reason == "Account unlocked").ChangedBy, Is.EqualTo(admin));
        });
    }

    [Test]
    public async Task Reset_shows_a_new_password_once_and_disable_stops_sign_in_and_tokens()
    {
        var admin = await SampleStore.AddUserAsync(WebHost.Password, ("admin", "BRD"));
        var person = await SampleStore.AddUserAsync(WebHost.Password, ("board member", "BRD"));
        var personId = await IdOf(person);
        var token = await SampleStore.TokenAsync(person);
        using var api = _host.Api(token);
        var before = await api.GetAsync(new Uri("/api/v1/frameworks", UriKind.Relative));
        using var browser = await SignedInAsync(admin);
        var page = await browser.GetPageAsync($"/users/{personId}");
        var form = WebHost.AntiforgeryToken(page);

        var reset = await (await browser.PostAsync(new Uri($"/users/{personId}/reset", UriKind.Relative), Form(form, ("NewPassword", string.Empty)))).Content.ReadAsStringAsync();
        var password = GeneratedPassword().Match(reset).Groups[1].Value;
        using var old = _host.Browser();
        var oldPassword = await old.SignInAsync(person, WebHost.Password);
        using var fresh = _host.Browser();
        var newPassword = await fresh.SignInAsync(person, password);
        var disable = await browser.PostAsync(new Uri($"/users/{personId}/disable", UriKind.Relative), Form(form));
        using var later = _host.Browser();
        var disabledSignIn = await later.SignInAsync(person, password);
        var disabledToken = await api.GetAsync(new Uri("/api/v1/frameworks", UriKind.Relative));
        var freshSession = await fresh.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(reset, Does.Contain("Password changed").And.Contain("shown only once"));
            Assert.That(password, Has.Length.EqualTo(20));
            Assert.That(oldPassword.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the old password no longer signs in");
            Assert.That(newPassword.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(disable.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(disabledSignIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a disabled account cannot sign in");
            Assert.That(disabledToken.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "nor use its tokens");
            Assert.That(freshSession.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "and its open session ends");
        });
    }

    internal static UserRepository Users => new(SampleStore.Store);

    /// <summary>The audit rows of one user's account (the row key is the id; the prefix match would also find longer ids).</summary>
    internal static async Task<List<AuditEntry>> AuditOf(long userId)
    {
        var key = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (await new AuditRepository(SampleStore.Store).ListAsync("users", key)).Where(a => a.RowKey == key).ToList();
    }

    internal static async Task<long> IdOf(string userName) => (await Users.FindByUserNameAsync(userName))!.Id;

    internal static FormUrlEncodedContent Form(string antiforgery, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", antiforgery)));

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = _host.Browser();
        var response = await browser.SignInAsync(email, WebHost.Password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in");
        return browser;
    }

    [GeneratedRegex("id=\"generated-password\">([^<]+)<")]
    private static partial Regex GeneratedPassword();
}
