namespace Outcomes.Application.Accounts;

/// <summary>Local accounts (section "Outcomes:Accounts"): lockout and password rules. The defaults need no configuration.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Outcomes:Accounts";

    /// <summary>Consecutive failed sign-ins that lock an account.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Shortest password accepted when an account is made or a password is set.</summary>
    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>
    /// PBKDF2 (HMAC-SHA512) iterations for new hashes. 210,000 is OWASP's figure for PBKDF2-HMAC-SHA512; a stored
    /// hash with fewer is re-hashed at its next successful sign-in.
    /// </summary>
    public int PasswordIterations { get; set; } = 210_000;

    /// <summary>Every problem with these options, in words; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxFailedAttempts is < 1 or > 100)
        {
            problems.Add($"MaxFailedAttempts must be between 1 and 100 (was {MaxFailedAttempts}).");
        }

        if (LockoutMinutes is < 1 or > 24 * 60)
        {
            problems.Add($"LockoutMinutes must be between 1 and 1440 (was {LockoutMinutes}).");
        }

        if (MinimumPasswordLength is < 8 or > 128)
        {
            problems.Add($"MinimumPasswordLength must be between 8 and 128 (was {MinimumPasswordLength}).");
        }

        if (PasswordIterations is < 100_000 or > 10_000_000)
        {
            problems.Add($"PasswordIterations must be between 100,000 and 10,000,000 (was {PasswordIterations}).");
        }

        return problems;
    }
}
