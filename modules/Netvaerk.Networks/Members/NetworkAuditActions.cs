using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Audit;

namespace Netvaerk.Networks.Members;

/// <summary>The membership changes the audit log records (the codes are stored; keep them).</summary>
public static class NetworkAuditActions
{
    public const string MemberAdded = "network.member.added";
    public const string MemberRoleChanged = "network.member.role";
    public const string MemberRemoved = "network.member.removed";

    public static IServiceCollection AddNetworkAuditActions(this IServiceCollection services) => services
        .AddAuditAction(MemberAdded, "Medlem tilføjet netværk")
        .AddAuditAction(MemberRoleChanged, "Rolle i netværk ændret")
        .AddAuditAction(MemberRemoved, "Medlem fjernet fra netværk");
}
