using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Data;

namespace Netvaerk.Meetings.Data;

/// <summary>The facilitation tool's tables in the tenant's database. Like the Networks module's context it runs on the
/// platform context's connection, joins its transaction (<see cref="InPortalTransactionAsync{T}"/>) and keeps its own
/// migrations history table.</summary>
public sealed class MeetingsDbContext(DbContextOptions<MeetingsDbContext> options, PortalDbContext portal) : ModuleDbContext(options, portal)
{
    public const string MigrationsHistoryTable = "__MeetingsMigrationsHistory";

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingCase> Cases => Set<MeetingCase>();

    public DbSet<MeetingRoleAssignment> Roles => Set<MeetingRoleAssignment>();

    public DbSet<RoleSwapRequest> SwapRequests => Set<RoleSwapRequest>();

    public DbSet<MeetingRsvp> Rsvps => Set<MeetingRsvp>();

    public DbSet<MeetingAttendance> Attendance => Set<MeetingAttendance>();

    public DbSet<MeetingAction> Actions => Set<MeetingAction>();

    public DbSet<CalendarKey> CalendarKeys => Set<CalendarKey>();

    public DbSet<MeetingRunItem> RunItems => Set<MeetingRunItem>();

    public DbSet<MeetingItemNote> ItemNotes => Set<MeetingItemNote>();

    public DbSet<MeetingDecision> Decisions => Set<MeetingDecision>();

    public DbSet<MeetingLearning> Learnings => Set<MeetingLearning>();

    public DbSet<MeetingEvaluationResponder> EvaluationResponders => Set<MeetingEvaluationResponder>();

    public DbSet<MeetingEvaluationTally> EvaluationTallies => Set<MeetingEvaluationTally>();

    public DbSet<MeetingEvaluationComment> EvaluationComments => Set<MeetingEvaluationComment>();

    /// <summary>A write as one unit: in the caller's platform transaction (a recipe), or in one of its own that commits
    /// when <paramref name="work"/> succeeds; on failure nothing of it stays (a series is all its meetings, or none).</summary>
    public Task<T> WriteAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken) =>
        Portal.InTransactionAsync(() => InPortalTransactionAsync(work, cancellationToken), cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        const int id = 64;
        const int user = 450;
        modelBuilder.Entity<Meeting>(meeting =>
        {
            meeting.ToTable("Meetings");
            meeting.HasKey(x => x.Id);
            meeting.Property(x => x.Id).HasMaxLength(id);
            meeting.Property(x => x.NetworkContentItemId).HasMaxLength(id).IsRequired();
            meeting.Property(x => x.SeriesId).HasMaxLength(id);
            meeting.Property(x => x.ProtocolContentItemId).HasMaxLength(id);
            meeting.Property(x => x.Place).HasMaxLength(500);
            meeting.Property(x => x.OnlineUrl).HasMaxLength(2000);
            meeting.Property(x => x.Theme).HasMaxLength(500);
            meeting.Property(x => x.Purpose).HasMaxLength(4000);
            meeting.Property(x => x.DesiredEffect).HasMaxLength(4000);
            meeting.Property(x => x.Practicalities).HasMaxLength(4000);
            meeting.Property(x => x.CancelledReason).HasMaxLength(1000);
            meeting.HasIndex(x => new { x.NetworkContentItemId, x.StartUtc });
            meeting.HasIndex(x => x.SeriesId);
        });

        modelBuilder.Entity<MeetingCase>(item =>
        {
            item.ToTable("MeetingCases");
            item.HasKey(x => x.Id);
            item.Property(x => x.Id).HasMaxLength(id);
            item.Property(x => x.MeetingId).HasMaxLength(id).IsRequired();
            item.Property(x => x.UserId).HasMaxLength(user).IsRequired();
            item.Property(x => x.Title).HasMaxLength(200).IsRequired();
            item.Property(x => x.KeyQuestion).HasMaxLength(1000).IsRequired();
            item.Property(x => x.WantFromGroup).HasMaxLength(2000);
            item.HasIndex(x => x.MeetingId);
            item.HasIndex(x => x.UserId);
        });

        modelBuilder.Entity<MeetingRoleAssignment>(role =>
        {
            role.ToTable("MeetingRoleAssignments");
            role.HasKey(x => x.Id);
            role.Property(x => x.MeetingId).HasMaxLength(id).IsRequired();
            role.Property(x => x.Role).HasMaxLength(32).IsRequired();
            role.Property(x => x.UserId).HasMaxLength(user).IsRequired();
            role.HasIndex(x => new { x.MeetingId, x.Role, x.UserId }).IsUnique();
            role.HasIndex(x => x.UserId);
        });

        modelBuilder.Entity<RoleSwapRequest>(swap =>
        {
            swap.ToTable("RoleSwapRequests");
            swap.HasKey(x => x.Id);
            swap.Property(x => x.MeetingId).HasMaxLength(id).IsRequired();
            swap.Property(x => x.Role).HasMaxLength(32).IsRequired();
            swap.Property(x => x.UserId).HasMaxLength(user).IsRequired();
            swap.Property(x => x.Note).HasMaxLength(1000);
            swap.HasIndex(x => x.MeetingId);
        });

        modelBuilder.Entity<MeetingRsvp>(rsvp =>
        {
            rsvp.ToTable("MeetingRsvps");
            rsvp.HasKey(x => x.Id);
            rsvp.Property(x => x.MeetingId).HasMaxLength(id).IsRequired();
            rsvp.Property(x => x.UserId).HasMaxLength(user).IsRequired();
            rsvp.Property(x => x.Reason).HasMaxLength(1000);
            rsvp.HasIndex(x => new { x.MeetingId, x.UserId }).IsUnique();
            rsvp.HasIndex(x => x.UserId);
        });

        modelBuilder.Entity<MeetingAttendance>(attendance =>
        {
            attendance.ToTable("MeetingAttendance");
            attendance.HasKey(x => x.Id);
            attendance.Property(x => x.MeetingId).HasMaxLength(id).IsRequired();
            attendance.Property(x => x.UserId).HasMaxLength(user).IsRequired();
            attendance.HasIndex(x => new { x.MeetingId, x.UserId }).IsUnique();
            attendance.HasIndex(x => x.UserId);
        });

        modelBuilder.Entity<MeetingAction>(action =>
        {
            action.ToTable("MeetingActions");
            action.HasKey(x => x.Id);
            action.Property(x => x.Id).HasMaxLength(id);
            action.Property(x => x.MeetingId).HasMaxLength(id).IsRequired();
            action.Property(x => x.NetworkContentItemId).HasMaxLength(id).IsRequired();
            action.Property(x => x.Text).HasMaxLength(2000).IsRequired();
            action.Property(x => x.OwnerUserId).HasMaxLength(user);
            action.HasIndex(x => new { x.NetworkContentItemId, x.Done });
            action.HasIndex(x => x.MeetingId);
        });

        modelBuilder.Entity<CalendarKey>(key =>
        {
            key.ToTable("CalendarKeys");
            key.HasKey(x => x.UserId);
            key.Property(x => x.UserId).HasMaxLength(user);
            key.Property(x => x.KeyHash).HasMaxLength(64).IsRequired();
            key.Property(x => x.ProtectedKey).HasMaxLength(1000).IsRequired();
            key.HasIndex(x => x.KeyHash).IsUnique();
        });

        OnRunningModelCreating(modelBuilder, id, user);
    }

    private static void OnRunningModelCreating(ModelBuilder modelBuilder, int id, int user)
    {
        modelBuilder.Entity<MeetingRunItem>(item =>
        {
            item.ToTable("MeetingRunItems");
            item.HasKey(x => x.Id);
            item.Property(x => x.MeetingId).HasMaxLength(id).IsRequired();
            item.Property(x => x.Phase).HasMaxLength(200).IsRequired();
            item.Property(x => x.CaseId).HasMaxLength(id);
            item.Property(x => x.Guidance).HasMaxLength(4000);
            item.Property(x => x.Speaks).HasMaxLength(500);
            item.Property(x => x.Produces).HasMaxLength(500);
            item.HasIndex(x => new { x.MeetingId, x.Position }).IsUnique();
        });

        modelBuilder.Entity<MeetingItemNote>(note =>
        {
            note.ToTable("MeetingItemNotes");
            note.HasKey(x => x.Id);
            note.Property(x => x.MeetingId).HasMaxLength(id).IsRequired();
            note.Property(x => x.Text).HasMaxLength(MeetingItemNoteLimits.TextLength).IsRequired();
            note.Property(x => x.UpdatedByUserId).HasMaxLength(user).IsRequired();
            note.HasIndex(x => new { x.MeetingId, x.Position }).IsUnique();
        });

        modelBuilder.Entity<MeetingDecision>(decision =>
        {
            decision.ToTable("MeetingDecisions");
            decision.HasKey(x => x.Id);
            decision.Property(x => x.Id).HasMaxLength(id);
            decision.Property(x => x.MeetingId).HasMaxLength(id).IsRequired();
            decision.Property(x => x.Text).HasMaxLength(2000).IsRequired();
            decision.Property(x => x.CreatedByUserId).HasMaxLength(user).IsRequired();
            decision.HasIndex(x => x.MeetingId);
        });

        modelBuilder.Entity<MeetingLearning>(learning =>
        {
            learning.ToTable("MeetingLearnings");
            learning.HasKey(x => x.Id);
            learning.Property(x => x.Id).HasMaxLength(id);
            learning.Property(x => x.MeetingId).HasMaxLength(id).IsRequired();
            learning.Property(x => x.ArticleContentItemId).HasMaxLength(id).IsRequired();
            learning.Property(x => x.CreatedByUserId).HasMaxLength(user).IsRequired();
            learning.HasIndex(x => x.MeetingId);
            learning.HasIndex(x => x.ArticleContentItemId).IsUnique();
        });

        modelBuilder.Entity<MeetingEvaluationResponder>(responder =>
        {
            responder.ToTable("MeetingEvaluationResponders");
            responder.HasKey(x => new { x.MeetingId, x.UserId });
            responder.Property(x => x.MeetingId).HasMaxLength(id);
            responder.Property(x => x.UserId).HasMaxLength(user);
            responder.HasIndex(x => x.UserId);
        });

        modelBuilder.Entity<MeetingEvaluationTally>(tally =>
        {
            tally.ToTable("MeetingEvaluationTallies");
            tally.HasKey(x => x.Id);
            tally.Property(x => x.MeetingId).HasMaxLength(id).IsRequired();
            tally.Property(x => x.Question).HasMaxLength(16).IsRequired();
            tally.HasIndex(x => new { x.MeetingId, x.Question, x.Score }).IsUnique();
        });

        modelBuilder.Entity<MeetingEvaluationComment>(comment =>
        {
            comment.ToTable("MeetingEvaluationComments");
            comment.HasKey(x => x.Id);
            comment.Property(x => x.Id).HasMaxLength(id);
            comment.Property(x => x.MeetingId).HasMaxLength(id).IsRequired();
            comment.Property(x => x.Text).HasMaxLength(2000).IsRequired();
            comment.HasIndex(x => x.MeetingId);
        });
    }
}
