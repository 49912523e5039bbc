using Microsoft.EntityFrameworkCore;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Data;

namespace Netvaerk.Networks.Data;

/// <summary>The module's own tables in the tenant's database: network memberships and the visibility
/// index of content items. It runs on the platform context's connection and joins its transaction
/// (see <see cref="InPortalTransactionAsync{T}"/>), with its own migrations history table.</summary>
public sealed class NetworksDbContext(DbContextOptions<NetworksDbContext> options, PortalDbContext portal) : ModuleDbContext(options, portal)
{
    public const string MigrationsHistoryTable = "__NetworksMigrationsHistory";

    public DbSet<NetworkMember> Members => Set<NetworkMember>();

    public DbSet<ContentVisibilityIndex> VisibilityIndex => Set<ContentVisibilityIndex>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NetworkMember>(member =>
        {
            member.ToTable("NetworkMembers");
            member.HasKey(x => x.Id);
            member.Property(x => x.NetworkContentItemId).HasMaxLength(64).IsRequired();
            member.Property(x => x.UserId).HasMaxLength(450).IsRequired();
            member.Property(x => x.Role).HasMaxLength(16).IsRequired();
            member.HasIndex(x => new { x.NetworkContentItemId, x.UserId }).IsUnique();
            member.HasIndex(x => x.UserId);
        });

        modelBuilder.Entity<ContentVisibilityIndex>(index =>
        {
            index.ToTable("ContentVisibilityIndex");
            index.HasKey(x => x.Id);
            index.Property(x => x.ContentItemId).HasMaxLength(64).IsRequired();
            index.Property(x => x.ContentType).HasMaxLength(255).IsRequired();
            index.Property(x => x.Visibility).HasMaxLength(16).IsRequired();
            index.Property(x => x.NetworkContentItemId).HasMaxLength(64);
            index.Property(x => x.Owner).HasMaxLength(255);
            index.HasIndex(x => x.ContentItemId);
            index.HasIndex(x => new { x.Published, x.Visibility, x.NetworkContentItemId });
            index.HasIndex(x => new { x.ContentType, x.Latest, x.Published });
            // Lists are newest first: these let a page stop after its rows instead of sorting every readable row.
            index.HasIndex(x => new { x.Published, x.ModifiedUtc });
            index.HasIndex(x => new { x.Latest, x.ModifiedUtc });
        });
    }
}
