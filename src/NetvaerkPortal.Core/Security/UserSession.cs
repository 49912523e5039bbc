using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NetvaerkPortal.Security;

/// <summary>One sign-in of one user: the sign-in cookie carries <see cref="Id"/>, and every request checks
/// this row, so logout, a lock or an administrator's reset ends the cookie at once, server-side.</summary>
public sealed class UserSession
{
    /// <summary>Random, 32 hex characters; useless without the data-protection keys that seal the cookie.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Written at most every few minutes (<see cref="UserSessions.LastSeenResolution"/>), so a request costs one read.</summary>
    public DateTime LastSeenUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.ToTable("UserSessions");
        session.HasKey(x => x.Id);
        session.Property(x => x.Id).HasMaxLength(32);
        session.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        session.HasIndex(x => x.UserId);
        // Deleting a user ends their sessions with them.
        session.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
