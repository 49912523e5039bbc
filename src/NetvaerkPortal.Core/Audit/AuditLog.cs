using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Data;

namespace NetvaerkPortal.Audit;

/// <summary>The current tenant's audit log. <see cref="Record"/> only stages the entry in the tenant's
/// <see cref="PortalDbContext"/>: the caller's own SaveChanges (inside its transaction) writes it together with
/// the action, and an action that fails or rolls back leaves no entry.</summary>
public sealed class AuditLog(PortalDbContext db, IHttpContextAccessor http, AuditOrigin origin, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>Stages an entry; the actor and address come from the current request when there is one.</summary>
    public AuditEntry Record(string action, string target, string details = "")
    {
        var (actor, address) = Who();
        var entry = new AuditEntry
        {
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            Actor = Cut(actor, AuditEntry.ActorLength),
            Action = Cut(action, AuditEntry.ActionLength),
            Target = Cut(target, AuditEntry.TargetLength),
            Details = Cut(details, AuditEntry.DetailsLength),
            Address = Cut(address, AuditEntry.AddressLength),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>One page of entries, newest first, optionally of one action only.</summary>
    public async Task<AuditPage> PageAsync(string? action, int page, CancellationToken cancellationToken = default)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(action))
        {
            entries = entries.Where(e => e.Action == action);
        }

        var total = await entries.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var list = await entries.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new AuditPage(list, total, page, pages);
    }

    private (string Actor, string Address) Who()
    {
        if (http.HttpContext is not { } context)
        {
            return (origin.Actor, origin.Address);
        }

        var actor = context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonym";
        return (actor, Address(context.Connection.RemoteIpAddress));
    }

    private static string Address(IPAddress? address) =>
        address is null ? "ukendt" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int Pages);
