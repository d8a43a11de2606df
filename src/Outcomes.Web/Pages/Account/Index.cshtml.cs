using Microsoft.AspNetCore.Mvc;
using Outcomes.Application.Accounts;
using Outcomes.Storage.Repositories;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Pages.Account;

/// <summary>
/// The signed-in user's own page: their roles, changing their password, and their personal API tokens (made with a
/// name and an expiry and shown once, listed with when they were made, last used and expire, revoked).
/// </summary>
public sealed class IndexModel(AccessPolicies policies, UserManagement management, PersonalTokens tokens, TimeProvider clock) : AccountPageModel(policies)
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [BindProperty]
    public string? TokenName { get; set; }

    [BindProperty]
    public string? TokenExpiry { get; set; }

    public UserAccount Self => Acting;

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public TokenRequestResult? NewToken { get; private set; }

    public string? Success { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Success = done switch
        {
            "password" => "Your password has been changed",
            "revoked" => "The token has been revoked: it no longer works",
            _ => null,
        };
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        var result = await management.ChangeOwnPasswordAsync(Self, CurrentPassword, NewPassword, ConfirmPassword, cancellationToken);
        CurrentPassword = NewPassword = ConfirmPassword = null;
        if (!result.Succeeded)
        {
            Problems.AddRange(result.Problems);
            return await ShowAsync(cancellationToken);
        }

        return Redirect("/account?done=password");
    }

    public async Task<IActionResult> OnPostTokenAsync(CancellationToken cancellationToken)
    {
        var result = await tokens.CreateAsync(Self, TokenName, TokenExpiry, cancellationToken);
        if (result.Problems.Count > 0)
        {
            Problems.AddRange(result.Problems);
        }
        else
        {
            NewToken = result;
            TokenName = null;
        }

        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long tokenId, CancellationToken cancellationToken)
    {
        if (!await tokens.RevokeAsync(Self, tokenId, cancellationToken))
        {
            Problems.Add(new AccountProblem("tokens", "That token is not one of yours, or was already revoked"));
            return await ShowAsync(cancellationToken);
        }

        return Redirect("/account?done=revoked");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        NoStore();
        Tokens = await tokens.ListAsync(Self, cancellationToken);
        return Page();
    }
}
