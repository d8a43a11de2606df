using Microsoft.Extensions.Options;
using Outcomes.Application.Accounts;
using Outcomes.Storage;

namespace Outcomes.Web.Configuration;

/// <summary>Typed configuration for the web host, section "Outcomes". The embedded default needs none.</summary>
public sealed class OutcomesWebOptions
{
    public const string SectionName = "Outcomes";

    public StoreOptions Store { get; set; } = new();

    /// <summary>Local accounts: lockout and password rules (section "Outcomes:Accounts").</summary>
    public AccountOptions Accounts { get; set; } = new();

    /// <summary>Path of the system Chromium used to print packs (also OUTCOMES_CHROMIUM).</summary>
    public string ChromiumPath { get; set; } = Environment.GetEnvironmentVariable("OUTCOMES_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Apply the numbered schema scripts at start-up.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Make (or reset) the demo administrator over every authority in the store at start-up and log its new password.
    /// For `make serve` on the sample store only; never set it for a real deployment.
    /// </summary>
    public bool DemoSignIn { get; set; }

    /// <summary>
    /// The built GOV.UK Frontend folder (`make setup` runs npm there). Relative paths are from the content root.
    /// When it is missing the pages are served unstyled.
    /// </summary>
    public string FrontendPath { get; set; } = "frontend/dist";

    /// <summary>
    /// Plain-HTTP sign-in for `make serve` on 127.0.0.1: cookies lose the Secure flag and __Host- prefix (browsers refuse
    /// those over http) and every request not from this machine is refused. Off by default; never on behind a network.
    /// </summary>
    public bool LoopbackHttp { get; set; }

    /// <summary>How long a signed-in session lasts without use.</summary>
    public int SessionMinutes { get; set; } = 60;

    /// <summary>Return uploads through the pages and the API (section "Outcomes:Uploads").</summary>
    public UploadOptions Uploads { get; set; } = new();
}

/// <summary>Checks the options at start-up so a bad setting stops the host with a sentence, not a stack trace later.</summary>
public sealed class OutcomesWebOptionsValidator : IValidateOptions<OutcomesWebOptions>
{
    public ValidateOptionsResult Validate(string? name, OutcomesWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Store.Validate().Select(p => $"Outcomes:Store: {p}").ToList();
        problems.AddRange(options.Accounts.Validate().Select(p => $"Outcomes:Accounts: {p}"));
        if (string.IsNullOrWhiteSpace(options.ChromiumPath))
        {
            problems.Add("Outcomes:ChromiumPath is empty; set it to the system Chromium (apt-get install chromium gives /usr/bin/chromium).");
        }

        problems.AddRange(options.Uploads.Validate().Select(p => $"Outcomes:Uploads: {p}"));
        if (options.SessionMinutes is < 5 or > 24 * 60)
        {
            problems.Add($"Outcomes:SessionMinutes must be between 5 and 1440 (was {options.SessionMinutes}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
