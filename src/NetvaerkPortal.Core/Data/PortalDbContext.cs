using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Content;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Data;

/// <summary>A tenant's database: content versions, their index tables, the indexing log,
/// site documents, the tenant's own users, their sign-in sessions and API tokens, and the audit log.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, PortalRole, string>(options)
{
    private bool? _isPostgres;

    public DbSet<ContentItemRecord> ContentItems => Set<ContentItemRecord>();

    public DbSet<AutorouteIndex> AutorouteIndex => Set<AutorouteIndex>();

    public DbSet<IndexingLogEntry> IndexingLog => Set<IndexingLogEntry>();

    public DbSet<SiteDocument> Documents => Set<SiteDocument>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    /// <summary>Whether this tenant's database is PostgreSQL; asked once per context, as EF's own answer is a service lookup.</summary>
    public bool IsPostgres => _isPostgres ??= Database.IsNpgsql();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new UserSessionConfiguration());

        builder.Entity<ContentItemRecord>(item =>
        {
            item.ToTable("ContentItems");
            item.HasKey(x => x.Id);
            item.Property(x => x.ContentItemId).HasMaxLength(64).IsRequired();
            item.Property(x => x.ContentItemVersionId).HasMaxLength(64).IsRequired();
            item.Property(x => x.ContentType).HasMaxLength(255).IsRequired();
            item.Property(x => x.DisplayText).HasMaxLength(1024);
            item.Property(x => x.Owner).HasMaxLength(255);
            item.Property(x => x.Author).HasMaxLength(255);
            item.Property(x => x.Data).IsRequired();
            item.HasIndex(x => x.ContentItemVersionId).IsUnique();
            item.HasIndex(x => new { x.ContentItemId, x.Latest, x.Published });
            item.HasIndex(x => new { x.ContentType, x.Latest, x.Published });
        });

        builder.Entity<AutorouteIndex>(route =>
        {
            route.ToTable("AutorouteIndex");
            route.HasKey(x => x.Id);
            route.Property(x => x.ContentItemId).HasMaxLength(64).IsRequired();
            route.Property(x => x.Path).HasMaxLength(1024).IsRequired();
            route.HasIndex(x => new { x.Path, x.Published });
            route.HasIndex(x => x.ContentItemId);
        });

        builder.Entity<IndexingLogEntry>(log =>
        {
            log.ToTable("IndexingLog");
            log.HasKey(x => x.Id);
            log.Property(x => x.ContentItemId).HasMaxLength(64).IsRequired();
            log.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        });

        builder.Entity<SiteDocument>(document =>
        {
            document.ToTable("Documents");
            document.HasKey(x => x.Name);
            document.Property(x => x.Name).HasMaxLength(255);
            document.Property(x => x.Json).IsRequired();
        });

        builder.Entity<PersonalAccessToken>(token =>
        {
            token.ToTable("PersonalAccessTokens");
            token.HasKey(x => x.Id);
            token.Property(x => x.UserId).HasMaxLength(450).IsRequired();
            token.Property(x => x.Name).HasMaxLength(200);
            token.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
            token.HasIndex(x => x.TokenHash).IsUnique();
            token.HasIndex(x => x.UserId);
            token.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("AuditEntries");
            entry.HasKey(x => x.Id);
            entry.Property(x => x.Actor).HasMaxLength(AuditEntry.ActorLength).IsRequired();
            entry.Property(x => x.Action).HasMaxLength(AuditEntry.ActionLength).IsRequired();
            entry.Property(x => x.Target).HasMaxLength(AuditEntry.TargetLength).IsRequired();
            entry.Property(x => x.Details).HasMaxLength(AuditEntry.DetailsLength).IsRequired();
            entry.Property(x => x.Address).HasMaxLength(AuditEntry.AddressLength).IsRequired();
            // The admin page lists newest first, all actions or one.
            entry.HasIndex(x => new { x.Action, x.Id });
        });
    }
}
