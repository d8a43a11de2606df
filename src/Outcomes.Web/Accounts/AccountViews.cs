using Outcomes.Domain.OrgUnits;

namespace Outcomes.Web.Accounts;

/// <summary>The model of the _FieldError partial: the message beside a field, with the id the error summary links to.</summary>
public sealed record FieldErrorView(string Field, string? Message);

/// <summary>The model of the _RoleAndScope partial: a role select and a scope select limited to the administrator's scope.</summary>
public sealed record RoleAndScopeView(string? Role, string? Scope, IReadOnlyList<OrgUnit> Scopes, string? RoleError, string? ScopeError);
