namespace NetvaerkPortal.Audit;

/// <summary>The administrative actions the audit log records. The codes are stored; <see cref="Label"/> is the
/// Danish text the admin shows (translated like every UI text).</summary>
public static class AuditActions
{
    public const string TenantCreated = "tenant.created";
    public const string TenantDisabled = "tenant.disabled";
    public const string UserCreated = "user.created";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string UserDeleted = "user.deleted";
    public const string UserRolesChanged = "user.roles";
    public const string NetworkMemberAdded = "network.member.added";
    public const string NetworkMemberRoleChanged = "network.member.role";
    public const string NetworkMemberRemoved = "network.member.removed";
    public const string RecipeRun = "recipe.run";
    public const string SearchRebuild = "search.rebuild";
    public const string ContentDeleted = "content.deleted";
    public const string SettingsChanged = "settings.changed";
    public const string TemplateSaved = "template.saved";
    public const string TemplateDeleted = "template.deleted";

    /// <summary>Every action with its Danish label, in the order the admin's filter lists them.</summary>
    public static readonly IReadOnlyList<(string Action, string Label)> All =
    [
        (TenantCreated, "Organisation oprettet"),
        (TenantDisabled, "Organisation deaktiveret"),
        (UserCreated, "Bruger oprettet"),
        (UserLocked, "Bruger låst"),
        (UserUnlocked, "Bruger låst op"),
        (UserDeleted, "Bruger slettet"),
        (UserRolesChanged, "Roller ændret"),
        (NetworkMemberAdded, "Medlem tilføjet til netværk"),
        (NetworkMemberRoleChanged, "Rolle i netværk ændret"),
        (NetworkMemberRemoved, "Medlem fjernet fra netværk"),
        (RecipeRun, "Opskrift kørt"),
        (SearchRebuild, "Søgeindeks genopbygget"),
        (ContentDeleted, "Indhold slettet"),
        (SettingsChanged, "Indstillinger ændret"),
        (TemplateSaved, "Skabelon gemt"),
        (TemplateDeleted, "Skabelon slettet"),
    ];

    public static string Label(string action) => All.FirstOrDefault(a => a.Action == action).Label ?? action;
}
