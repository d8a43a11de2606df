namespace Outcomes.Domain.Access;

/// <summary>What a person does in the service. Every role is held over an org-unit scope (see <see cref="RoleAssignment"/>).</summary>
public enum Role
{
    /// <summary>Manages users and may do everything within the scope, including reopening locked returns.</summary>
    Administrator,

    /// <summary>Uploads and corrects returns for the units in scope.</summary>
    PerformanceOfficer,

    /// <summary>Approves and locks returns for the units in scope.</summary>
    Approver,

    /// <summary>Reads scorecards and packs for the units in scope.</summary>
    BoardMember,

    /// <summary>Reads everything of the scope's whole authority (overview and scrutiny committees).</summary>
    ScrutinyMember,
}

/// <summary>A role held over an org unit and the subtree below it; an authority's code covers the whole authority.</summary>
public sealed record RoleAssignment(Role Role, string ScopeCode);

/// <summary>Role names as people type them ("performance officer", "performance-officer", "PerformanceOfficer", "admin").</summary>
public static class RoleNames
{
    public static bool TryParse(string? text, out Role role)
    {
        var squashed = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        if (string.Equals(squashed, "admin", StringComparison.OrdinalIgnoreCase))
        {
            role = Role.Administrator;
            return true;
        }

        return Enum.TryParse(squashed, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(squashed, out _);
    }

    /// <summary>"performance officer": the role as a sentence says it.</summary>
    public static string Words(Role role) => role switch
    {
        Role.PerformanceOfficer => "performance officer",
        Role.BoardMember => "board member",
        Role.ScrutinyMember => "scrutiny member",
        _ => role.ToString().ToLowerInvariant(),
    };
}
