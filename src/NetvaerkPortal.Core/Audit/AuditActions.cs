using Microsoft.Extensions.DependencyInjection;

namespace NetvaerkPortal.Audit;

/// <summary>An action the audit log records: its stored code and the Danish label the admin shows (translated like every UI text).</summary>
public sealed record AuditAction(string Action, string Label);

/// <summary>The administrative actions of the platform. Modules add their own with <see cref="AddAuditAction"/>.</summary>
public static class AuditActions
{
    public const string TenantCreated = "tenant.created";
    public const string TenantDisabled = "tenant.disabled";
    public const string UserCreated = "user.created";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string UserDeleted = "user.deleted";
    public const string UserRolesChanged = "user.roles";
    public const string RecipeRun = "recipe.run";
    public const string SearchRebuild = "search.rebuild";
    public const string ContentDeleted = "content.deleted";
    public const string SettingsChanged = "settings.changed";
    public const string TemplateSaved = "template.saved";
    public const string TemplateDeleted = "template.deleted";

    /// <summary>The platform's actions with their Danish labels, in the order the admin's filter lists them.</summary>
    public static IServiceCollection AddPlatformAuditActions(this IServiceCollection services) => services
        .AddAuditAction(TenantCreated, "Organisation oprettet")
        .AddAuditAction(TenantDisabled, "Organisation deaktiveret")
        .AddAuditAction(UserCreated, "Bruger oprettet")
        .AddAuditAction(UserLocked, "Bruger låst")
        .AddAuditAction(UserUnlocked, "Bruger låst op")
        .AddAuditAction(UserDeleted, "Bruger slettet")
        .AddAuditAction(UserRolesChanged, "Roller ændret")
        .AddAuditAction(RecipeRun, "Opskrift kørt")
        .AddAuditAction(SearchRebuild, "Søgeindeks genopbygget")
        .AddAuditAction(ContentDeleted, "Indhold slettet")
        .AddAuditAction(SettingsChanged, "Indstillinger ændret")
        .AddAuditAction(TemplateSaved, "Skabelon gemt")
        .AddAuditAction(TemplateDeleted, "Skabelon slettet");

    /// <summary>A module's one way to name an action it records, so the audit page can list and filter it.</summary>
    public static IServiceCollection AddAuditAction(this IServiceCollection services, string action, string label) =>
        services.AddSingleton(new AuditAction(action, label));

    /// <summary>The label of <paramref name="action"/> among <paramref name="known"/>; the code itself for an action no module names any more.</summary>
    public static string Label(IEnumerable<AuditAction> known, string action) =>
        known.FirstOrDefault(a => a.Action == action)?.Label ?? action;
}
