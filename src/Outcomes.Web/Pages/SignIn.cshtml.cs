using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outcomes.Application.Accounts;
using Outcomes.Web.Accounts;

namespace Outcomes.Web.Pages;

/// <summary>A problem with one field, shown in the error summary (linking to the field) and beside the field.</summary>
public sealed record FieldError(string FieldId, string Message);

[AllowAnonymous]
public sealed class SignInModel(SignInService signIn, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public List<FieldError> Errors { get; } = [];

    public string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            Errors.Add(new FieldError("email", "Enter your email address"));
        }

        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add(new FieldError("password", "Enter your password"));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var outcome = await signIn.SignInAsync(Email!, Password!, cancellationToken);
        Password = null;
        switch (outcome.Result)
        {
            case SignInStatus.SignedIn:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignedInUser.Principal(outcome.User!, CookieAuthenticationDefaults.AuthenticationScheme));
                return LocalRedirect(ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/");
            case SignInStatus.LockedOut:
                var minutes = Math.Max(1, (int)Math.Ceiling((outcome.LockedUntil!.Value - clock.GetUtcNow()).TotalMinutes));
                Errors.Add(new FieldError("email",
                    $"Your account is locked after too many failed sign-in attempts. Try again in {minutes.ToString(CultureInfo.InvariantCulture)} minutes, at {outcome.LockedUntil.Value.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC, or ask an administrator"));
                return Page();
            default:
                Errors.Add(new FieldError("email", "Enter a correct email address and password"));
                return Page();
        }
    }
}
