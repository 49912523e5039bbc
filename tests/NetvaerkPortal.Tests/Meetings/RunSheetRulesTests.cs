using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Running;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The run-sheet's rules on a fake clock (explicit instants): the clock runs from the agenda, the countdown,
/// the warning two minutes before, next/previous/extend/end/start and the position the client saw.</summary>
public sealed class RunSheetRulesTests
{
    private static readonly DateTime Start = new(2027, 3, 11, 12, 0, 0, DateTimeKind.Utc);

    private static Meeting Meeting(bool cancelled = false) =>
        new() { Id = "m", NetworkContentItemId = "n", StartUtc = Start, DurationMinutes = 180, Cancelled = cancelled };

    /// <summary>Check-in 15, case 10, reflection 20, closing 10: frozen, nothing started.</summary>
    private static List<MeetingRunItem> Items() =>
        new[] { ("Check-in", 15), ("Casefremlæggelse", 10), ("Refleksion", 20), ("Afslutning", 10) }
            .Select((p, i) => new MeetingRunItem { MeetingId = "m", Position = i, Phase = p.Item1, PlannedMinutes = p.Item2 }).ToList();

    private static DateTime At(int minutes, int seconds = 0) => Start.AddMinutes(minutes).AddSeconds(seconds);

    [Fact]
    public void Before_the_start_nothing_runs_and_from_the_start_the_first_item_runs_without_anyone_pressing()
    {
        var items = Items();

        Assert.Equal(RunPhase.Before, RunSheetRules.State(Meeting(), items, At(-1)).Phase);
        var state = RunSheetRules.State(Meeting(), items, At(3));
        Assert.Equal(RunPhase.Running, state.Phase);
        Assert.Equal(0, state.Position);
        Assert.Equal(Start, state.CurrentStartedUtc);
        Assert.Equal(At(15), state.EndsAtUtc);
    }

    [Fact]
    public void The_warning_comes_two_minutes_before_the_end_and_over_when_time_is_up()
    {
        var items = Items();

        Assert.False(RunSheetRules.State(Meeting(), items, At(12, 59)).Warning);
        Assert.True(RunSheetRules.State(Meeting(), items, At(13)).Warning);
        var over = RunSheetRules.State(Meeting(), items, At(15));
        Assert.False(over.Warning);
        Assert.True(over.Over);
        Assert.Equal(0, over.Position);
    }

    [Fact]
    public void Next_ends_the_current_item_now_starts_the_next_and_records_the_time_spent()
    {
        var items = Items();

        Assert.Equal(RunRefusal.None, RunSheetRules.Apply(Meeting(), items, RunAction.Next, 0, At(17)));

        Assert.Equal(Start, items[0].StartedUtc);
        Assert.Equal(At(17), items[0].EndedUtc);
        Assert.Equal(TimeSpan.FromMinutes(17), RunSheetRules.Spent(items[0], At(40)));
        Assert.Equal(At(17), items[1].StartedUtc);
        var state = RunSheetRules.State(Meeting(), items, At(18));
        Assert.Equal(1, state.Position);
        Assert.Equal(At(27), state.EndsAtUtc);
    }

    [Fact]
    public void A_second_next_from_the_same_position_is_stale_and_skips_nothing()
    {
        var items = Items();

        Assert.Equal(RunRefusal.None, RunSheetRules.Apply(Meeting(), items, RunAction.Next, 0, At(15)));
        Assert.Equal(RunRefusal.Stale, RunSheetRules.Apply(Meeting(), items, RunAction.Next, 0, At(15)));

        Assert.Equal(1, RunSheetRules.State(Meeting(), items, At(16)).Position);
        Assert.Null(items[2].StartedUtc);
    }

    [Fact]
    public void Previous_undoes_a_mistaken_next_and_the_item_before_runs_on_with_its_time()
    {
        var items = Items();
        RunSheetRules.Apply(Meeting(), items, RunAction.Next, 0, At(5));

        Assert.Equal(RunRefusal.None, RunSheetRules.Apply(Meeting(), items, RunAction.Previous, 1, At(6)));

        var state = RunSheetRules.State(Meeting(), items, At(6));
        Assert.Equal(0, state.Position);
        Assert.Equal(At(15), state.EndsAtUtc);
        Assert.Null(items[0].EndedUtc);
        Assert.Null(items[1].StartedUtc);
        Assert.Equal(RunRefusal.NothingBefore, RunSheetRules.Apply(Meeting(), items, RunAction.Previous, 0, At(7)));
    }

    [Fact]
    public void Extend_adds_five_minutes_to_the_countdown_but_not_to_the_plan_and_stops_at_an_hour()
    {
        var items = Items();

        Assert.Equal(RunRefusal.None, RunSheetRules.Apply(Meeting(), items, RunAction.Extend, 0, At(14)));

        Assert.Equal(At(20), RunSheetRules.State(Meeting(), items, At(14)).EndsAtUtc);
        Assert.Equal(15, items[0].PlannedMinutes);
        for (var i = 1; i < RunSheetRules.MaxExtraMinutes / RunSheetRules.ExtendMinutes; i++)
        {
            Assert.Equal(RunRefusal.None, RunSheetRules.Apply(Meeting(), items, RunAction.Extend, 0, At(14)));
        }

        Assert.Equal(RunRefusal.ExtraLimit, RunSheetRules.Apply(Meeting(), items, RunAction.Extend, 0, At(14)));
        Assert.Equal(RunSheetRules.MaxExtraMinutes, items[0].ExtraMinutes);
    }

    [Fact]
    public void End_ends_the_running_item_leaves_the_rest_unrun_and_previous_reopens_it()
    {
        var items = Items();
        RunSheetRules.Apply(Meeting(), items, RunAction.Next, 0, At(15));

        Assert.Equal(RunRefusal.None, RunSheetRules.Apply(Meeting(), items, RunAction.End, 1, At(30)));

        var ended = RunSheetRules.State(Meeting(), items, At(31));
        Assert.Equal(RunPhase.Ended, ended.Phase);
        Assert.Equal(items.Count, ended.Position);
        Assert.Equal(TimeSpan.FromMinutes(15), RunSheetRules.Spent(items[1], At(99)));
        Assert.Null(items[2].StartedUtc);
        Assert.Equal(RunRefusal.AlreadyEnded, RunSheetRules.Apply(Meeting(), items, RunAction.Next, items.Count, At(32)));

        Assert.Equal(RunRefusal.None, RunSheetRules.Apply(Meeting(), items, RunAction.Previous, items.Count, At(33)));
        Assert.Equal(1, RunSheetRules.State(Meeting(), items, At(33)).Position);
    }

    [Fact]
    public void Next_on_the_last_item_ends_the_meeting()
    {
        var items = Items();
        for (var position = 0; position < items.Count; position++)
        {
            Assert.Equal(RunRefusal.None, RunSheetRules.Apply(Meeting(), items, RunAction.Next, position, At(10 * (position + 1))));
        }

        Assert.Equal(RunPhase.Ended, RunSheetRules.State(Meeting(), items, At(50)).Phase);
        Assert.All(items, item => Assert.Equal(TimeSpan.FromMinutes(10), RunSheetRules.Spent(item, At(99))));
    }

    [Fact]
    public void A_leader_may_start_up_to_an_hour_early_and_the_clock_then_runs_from_that_moment()
    {
        var items = Items();

        Assert.Equal(RunRefusal.TooEarly, RunSheetRules.Apply(Meeting(), items, RunAction.Start, 0, At(-61)));
        Assert.Equal(RunRefusal.NotStarted, RunSheetRules.Apply(Meeting(), items, RunAction.Next, 0, At(-20)));
        Assert.Equal(RunRefusal.None, RunSheetRules.Apply(Meeting(), items, RunAction.Start, 0, At(-20)));

        var state = RunSheetRules.State(Meeting(), items, At(-19));
        Assert.Equal(RunPhase.Running, state.Phase);
        Assert.Equal(At(-5), state.EndsAtUtc);
        Assert.Equal(RunRefusal.Stale, RunSheetRules.Apply(Meeting(), items, RunAction.Start, 0, At(-18)));
    }

    [Fact]
    public void A_cancelled_meeting_and_an_empty_agenda_refuse_every_action_and_change_nothing()
    {
        var items = Items();

        foreach (var action in Enum.GetValues<RunAction>())
        {
            Assert.Equal(RunRefusal.Cancelled, RunSheetRules.Apply(Meeting(cancelled: true), items, action, 0, At(5)));
            Assert.Equal(RunRefusal.Empty, RunSheetRules.Apply(Meeting(), [], action, 0, At(5)));
        }

        Assert.All(items, item => Assert.Null(item.StartedUtc));
        Assert.Equal(RunPhase.Cancelled, RunSheetRules.State(Meeting(cancelled: true), items, At(5)).Phase);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(99)]
    [InlineData(int.MinValue)]
    public void A_position_other_than_the_current_one_is_stale(int fromPosition)
    {
        var items = Items();

        Assert.Equal(RunRefusal.Stale, RunSheetRules.Apply(Meeting(), items, RunAction.Next, fromPosition, At(5)));
        Assert.All(items, item => Assert.Null(item.EndedUtc));
    }

    [Theory]
    [InlineData(90, "01:30")]
    [InlineData(0.2, "00:01")]
    [InlineData(-75, "+01:15")]
    [InlineData(3600, "60:00")]
    public void The_countdown_reads_minutes_and_seconds_and_counts_the_time_over_with_a_plus(double seconds, string expected) =>
        Assert.Equal(expected, RunSheetPage.Countdown(TimeSpan.FromSeconds(seconds)));
}
