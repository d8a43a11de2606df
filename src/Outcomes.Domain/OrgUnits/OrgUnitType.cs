namespace Outcomes.Domain.OrgUnits;

public enum OrgUnitType
{
    Authority,
    Cluster,
    District,
    Locality,
    Centre,
    FamilyHub,
    DeliverySite,
    OutreachPoint,
}
