using Microsoft.Extensions.Options;

namespace Outcomes.Web.Scoring;

/// <summary>
/// The background re-scoring of frameworks after imports (section "Outcomes:Scoring"). A request recorded by this
/// server wakes the scorer at once; requests recorded elsewhere (another web server, the CLI) and those left at a
/// restart are found by polling.
/// </summary>
public sealed class ScoringOptions
{
    public const string SectionName = "Outcomes:Scoring";

    /// <summary>
    /// Whether this server scores (true). With several web servers over one store, the scoring can be left to some of
    /// them; every server still records requests and shows that scores are being updated.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the store is looked at for requests recorded elsewhere, in seconds (5).</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>
    /// How long a server's claim on a request holds, in minutes (10): another server sharing the store leaves it alone
    /// meanwhile, and takes it after that (its server stopped part-way). Longer than scoring the largest framework takes.
    /// </summary>
    public int LeaseMinutes { get; set; } = 10;

    /// <summary>The wait before the first retry of a failed run, in seconds (30); each further failure doubles it.</summary>
    public int RetrySeconds { get; set; } = 30;

    /// <summary>The longest wait between retries, in seconds (1800).</summary>
    public int MaxRetrySeconds { get; set; } = 1800;

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollSeconds);

    public TimeSpan Lease => TimeSpan.FromMinutes(LeaseMinutes);

    /// <summary>The wait after the <paramref name="failures"/>th failure in a row (1 or more).</summary>
    public TimeSpan BackOff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetrySeconds, RetrySeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30))));
}

/// <summary>Checks the scoring options at start-up, naming the setting and its range.</summary>
public sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
{
    public ValidateOptionsResult Validate(string? name, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.PollSeconds is < 1 or > 3600)
        {
            problems.Add($"{ScoringOptions.SectionName}:PollSeconds must be between 1 and 3600 (was {options.PollSeconds}).");
        }

        if (options.LeaseMinutes is < 1 or > 1440)
        {
            problems.Add($"{ScoringOptions.SectionName}:LeaseMinutes must be between 1 and 1440 (was {options.LeaseMinutes}).");
        }

        if (options.RetrySeconds is < 1 or > 86_400)
        {
            problems.Add($"{ScoringOptions.SectionName}:RetrySeconds must be between 1 and 86400 (was {options.RetrySeconds}).");
        }

        if (options.MaxRetrySeconds < options.RetrySeconds || options.MaxRetrySeconds > 86_400)
        {
            problems.Add($"{ScoringOptions.SectionName}:MaxRetrySeconds must be between RetrySeconds ({options.RetrySeconds}) and 86400 (was {options.MaxRetrySeconds}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
