using Microsoft.Extensions.Options;
using Outcomes.Storage;

namespace Outcomes.Web.Configuration;

/// <summary>Typed configuration for the web host, section "Outcomes". The embedded default needs none.</summary>
public sealed class OutcomesWebOptions
{
    public const string SectionName = "Outcomes";

    public StoreOptions Store { get; set; } = new();

    /// <summary>Path of the system Chromium used to print packs (also OUTCOMES_CHROMIUM).</summary>
    public string ChromiumPath { get; set; } = Environment.GetEnvironmentVariable("OUTCOMES_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Apply the numbered schema scripts at start-up.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

/// <summary>Checks the options at start-up so a bad setting stops the host with a sentence, not a stack trace later.</summary>
public sealed class OutcomesWebOptionsValidator : IValidateOptions<OutcomesWebOptions>
{
    public ValidateOptionsResult Validate(string? name, OutcomesWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Store.Validate().Select(p => $"Outcomes:Store: {p}").ToList();
        if (string.IsNullOrWhiteSpace(options.ChromiumPath))
        {
            problems.Add("Outcomes:ChromiumPath is empty; set it to the system Chromium (apt-get install chromium gives /usr/bin/chromium).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
