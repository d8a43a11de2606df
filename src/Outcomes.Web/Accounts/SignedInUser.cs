using System.Security.Claims;
using Outcomes.Domain.Access;
using Outcomes.Storage.Repositories;

namespace Outcomes.Web.Accounts;

/// <summary>
/// The account behind the request, read from the store at each request (by the cookie's or token's user id), so a
/// removed role or account takes effect at once. Stored in HttpContext.Items by the authentication handlers.
/// </summary>
public static class SignedInUser
{
    public const string UserIdClaim = ClaimTypes.NameIdentifier;

    private const string ItemKey = "Outcomes.SignedInUser";

    public static ClaimsPrincipal Principal(UserAccount user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(UserIdClaim, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim("display_name", user.DisplayName),
            ],
            scheme));
    }

    public static long? UserId(ClaimsPrincipal principal) =>
        long.TryParse(principal?.FindFirstValue(UserIdClaim), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static void Remember(HttpContext context, UserAccount user) => context.Items[ItemKey] = user;

    /// <summary>The signed-in account, or null when nobody is signed in.</summary>
    public static UserAccount? Get(HttpContext context) =>
        context?.User.Identity?.IsAuthenticated == true ? context.Items[ItemKey] as UserAccount : null;

    public static IReadOnlyList<RoleAssignment> Roles(HttpContext context) => Get(context)?.Roles ?? [];
}
