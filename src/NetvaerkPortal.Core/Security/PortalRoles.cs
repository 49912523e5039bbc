namespace NetvaerkPortal.Security;

public static class PortalRoles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Member = "Member";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Member];
}
