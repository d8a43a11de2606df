using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Accounts;

/// <summary>What checking a password against a stored hash found.</summary>
public enum PasswordCheck
{
    Wrong,
    Right,

    /// <summary>Right, but the hash was made with weaker settings than today's: store a new one.</summary>
    RightButRehash,
}

/// <summary>Passwords hashed by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, salted, versioned).</summary>
public sealed class PasswordHashing(AccountOptions options)
{
    private readonly PasswordHasher<UserAccount> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = options.PasswordIterations,
    }));

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordCheck Check(string? storedHash, string password)
    {
        if (string.IsNullOrEmpty(storedHash))
        {
            // Spend the same time as a real check, so an account without a local password is not told apart.
            _hasher.HashPassword(null!, password);
            return PasswordCheck.Wrong;
        }

        try
        {
            return _hasher.VerifyHashedPassword(null!, storedHash, password) switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Right,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.RightButRehash,
                _ => PasswordCheck.Wrong,
            };
        }
        catch (FormatException)
        {
            return PasswordCheck.Wrong;
        }
    }
}
