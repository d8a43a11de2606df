namespace Outcomes.Domain.Access;

/// <summary>Something a person may ask to do to an org unit's data.</summary>
public enum Permission
{
    /// <summary>Read scorecards, series, returns and packs.</summary>
    View,

    /// <summary>Upload or correct a return.</summary>
    SubmitReturn,

    /// <summary>Approve a submitted return.</summary>
    ApproveReturn,

    /// <summary>Lock an approved return (or a whole quarter).</summary>
    LockReturn,

    /// <summary>Reopen a locked return, with a reason.</summary>
    ReopenReturn,

    /// <summary>Add users and grant roles within the scope.</summary>
    ManageUsers,

    /// <summary>Load a new framework version or its targets; held over the authority (a framework belongs to one).</summary>
    ManageFrameworks,
    /// <summary>Ask for a board or scrutiny pack (PDF and Excel) to be made.</summary>
    GeneratePack,
}

/// <summary>Which role grants which permission (before scope is considered).</summary>
public static class RolePermissions
{
    public static bool Grants(Role role, Permission permission) => role switch
    {
        Role.Administrator => true,
        Role.PerformanceOfficer => permission is Permission.View or Permission.SubmitReturn or Permission.GeneratePack,
        Role.Approver => permission is Permission.View or Permission.ApproveReturn or Permission.LockReturn or Permission.GeneratePack,
        Role.BoardMember or Role.ScrutinyMember => permission is Permission.View,
        _ => false,
    };
}
