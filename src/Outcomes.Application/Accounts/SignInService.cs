using Microsoft.Extensions.Logging;
using Outcomes.Storage.Repositories;

namespace Outcomes.Application.Accounts;

public enum SignInStatus
{
    SignedIn,

    /// <summary>Unknown user name or wrong password: the two are not told apart.</summary>
    Refused,

    /// <summary>Too many failures: refused without looking at the password until <see cref="SignInOutcome.LockedUntil"/>.</summary>
    LockedOut,
}

public sealed record SignInOutcome(SignInStatus Result, UserAccount? User, DateTimeOffset? LockedUntil);

/// <summary>Local-account sign-in with lockout: the failure that reaches the limit locks the account for the configured time.</summary>
public sealed class SignInService(UserRepository users, PasswordHashing hashing, AccountOptions options, TimeProvider clock, ILogger<SignInService> logger, AccountChangeRepository? changes = null)
{
    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var now = clock.GetUtcNow();
        var user = await users.FindByUserNameAsync(userName, cancellationToken);
        if (user is null)
        {
            hashing.Check(null, password);
            logger.LogInformation("Sign-in refused: no user {UserName}", userName);
            return new SignInOutcome(SignInStatus.Refused, null, null);
        }

        if (user.IsDisabled)
        {
            hashing.Check(null, password);
            logger.LogWarning("Sign-in refused: user {UserId} is disabled", user.Id);
            return new SignInOutcome(SignInStatus.Refused, null, null);
        }

        if (user.IsLockedAt(now))
        {
            logger.LogWarning("Sign-in refused: user {UserId} is locked until {LockedUntil}", user.Id, user.LockedUntil);
            return new SignInOutcome(SignInStatus.LockedOut, null, user.LockedUntil);
        }

        var check = hashing.Check(user.PasswordHash, password);
        if (check == PasswordCheck.Wrong)
        {
            var failed = await users.RecordFailedSignInAsync(user.Id, options.MaxFailedAttempts, now.AddMinutes(options.LockoutMinutes), cancellationToken);
            if (failed.LockedUntil is { } until && until > now)
            {
                logger.LogWarning("User {UserId} locked until {LockedUntil} after {Attempts} failed sign-ins", user.Id, until, options.MaxFailedAttempts);
                return new SignInOutcome(SignInStatus.LockedOut, null, until);
            }

            logger.LogInformation("Sign-in refused: wrong password for user {UserId} ({Attempts} of {Max})", user.Id, failed.FailedAttempts, options.MaxFailedAttempts);
            return new SignInOutcome(SignInStatus.Refused, null, null);
        }

        if (check == PasswordCheck.RightButRehash)
        {
            await users.SetPasswordHashAsync(user.Id, hashing.Hash(password), cancellationToken);
        }

        if (user.FailedAttempts > 0 || user.LockedUntil is not null)
        {
            await users.ClearFailedSignInsAsync(user.Id, cancellationToken);
        }

        if (changes is not null)
        {
            await changes.RecordSignInAsync(user.Id, now, cancellationToken);
        }

        logger.LogInformation("User {UserId} signed in", user.Id);
        return new SignInOutcome(SignInStatus.SignedIn, user, null);
    }
}
