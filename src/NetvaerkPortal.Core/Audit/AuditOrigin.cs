namespace NetvaerkPortal.Audit;

/// <summary>Who acts, and from where, when no HTTP request is behind an action: the command line, or the
/// portal itself (first-start setup, background work). The command-line host registers <see cref="CommandLine"/>.</summary>
public sealed record AuditOrigin(string Actor, string Address)
{
    public static readonly AuditOrigin System = new("system", "server");

    public static readonly AuditOrigin CommandLine = new("kommandolinje", "CLI");
}
