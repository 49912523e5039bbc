using Netvaerk.Meetings.Planning;
using Netvaerk.Meetings.Protocols;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The agenda rule: phases in order, non-per-case phases once, the block of consecutive per-case phases
/// repeated for each selected case in case order, clock times from the start, and an honest fit.</summary>
public sealed class AgendaPlannerTests
{
    private static readonly DateTime Start = new(2027, 3, 11, 13, 0, 0, DateTimeKind.Unspecified);

    /// <summary>15 once, then per case 10 + 15 + 20 = 45, then 10 once.</summary>
    private static readonly ProtocolPhase[] Sparring =
    [
        new("Check-in", 15, false),
        new("Casefremlæggelse", 10, true, Speaks: "Casegiver"),
        new("Afklarende spørgsmål", 15, true),
        new("Refleksion", 20, true, Listens: "Casegiver"),
        new("Afslutning", 10, false),
    ];

    private static AgendaCase Case(string id, int minutes = 30) => new(id, "Sag " + id, minutes);

    [Fact]
    public void An_agenda_that_runs_over_says_by_how_much()
    {
        var agenda = AgendaPlanner.Plan(Start, 150, Sparring, [Case("a"), Case("b"), Case("c")]);

        Assert.False(agenda.Fits);
        Assert.Equal(15 + 3 * 45 + 10, agenda.PlannedMinutes);
        Assert.Equal(150, agenda.AvailableMinutes);
        Assert.Equal(10, agenda.MinutesOver);
        Assert.Equal(0, agenda.MinutesLeft);
    }

    [Fact]
    public void An_agenda_with_time_to_spare_fits_and_says_how_much_is_left()
    {
        var agenda = AgendaPlanner.Plan(Start, 180, Sparring, [Case("a"), Case("b")]);

        Assert.True(agenda.Fits);
        Assert.Equal(115, agenda.PlannedMinutes);
        Assert.Equal(65, agenda.MinutesLeft);
    }

    [Fact]
    public void An_agenda_that_fills_the_meeting_exactly_fits()
    {
        var agenda = AgendaPlanner.Plan(Start, 115, Sparring, [Case("a"), Case("b")]);

        Assert.True(agenda.Fits);
        Assert.Equal(0, agenda.MinutesOver);
        Assert.Equal(0, agenda.MinutesLeft);
    }

    [Fact]
    public void The_per_case_block_repeats_whole_for_each_case_in_case_order_with_clock_times()
    {
        var agenda = AgendaPlanner.Plan(Start, 180, Sparring, [Case("b"), Case("a")]);

        Assert.Equal(
            ["Check-in/", "Casefremlæggelse/b", "Afklarende spørgsmål/b", "Refleksion/b", "Casefremlæggelse/a", "Afklarende spørgsmål/a", "Refleksion/a", "Afslutning/"],
            agenda.Items.Select(i => $"{i.Phase}/{i.CaseId}"));
        Assert.Equal(["13:00", "13:15", "13:25", "13:40", "14:00", "14:10", "14:25", "14:45"], agenda.Items.Select(i => i.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("Casegiver", agenda.Items[1].Speaks);
        Assert.Equal("Casegiver", agenda.Items[3].Listens);
    }

    [Fact]
    public void Separate_runs_of_per_case_phases_each_repeat_at_their_own_place()
    {
        ProtocolPhase[] actionLearning = [new("Opfølgning", 10, false), new("Historie", 10, true), new("Pause", 5, false), new("Handlinger", 5, true)];

        var agenda = AgendaPlanner.Plan(Start, 120, actionLearning, [Case("a"), Case("b")]);

        Assert.Equal(["Opfølgning/", "Historie/a", "Historie/b", "Pause/", "Handlinger/a", "Handlinger/b"], agenda.Items.Select(i => $"{i.Phase}/{i.CaseId}"));
    }

    [Fact]
    public void A_case_that_needs_more_than_the_protocol_gives_stretches_its_block_in_proportion()
    {
        var agenda = AgendaPlanner.Plan(Start, 180, Sparring, [Case("a", 60), Case("b", 20)]);

        // 60 of 45: 10→13.3, 15→20, 20→26.7; the spare minute goes to the largest remainder.
        Assert.Equal([13, 20, 27], agenda.Items.Where(i => i.CaseId == "a").Select(i => i.Minutes));
        // A small case keeps the method's minutes.
        Assert.Equal([10, 15, 20], agenda.Items.Where(i => i.CaseId == "b").Select(i => i.Minutes));
        Assert.Equal(15 + 60 + 45 + 10, agenda.PlannedMinutes);
    }

    [Fact]
    public void Without_a_protocol_each_case_is_one_item_of_the_time_it_needs()
    {
        var agenda = AgendaPlanner.Plan(Start, 60, null, [Case("a", 40), Case("b", 30)]);

        Assert.Equal(["Sag a", "Sag b"], agenda.Items.Select(i => i.Phase));
        Assert.Equal(["a", "b"], agenda.Items.Select(i => i.CaseId));
        Assert.Equal(Start.AddMinutes(40), agenda.Items[1].Start);
        Assert.False(agenda.Fits);
        Assert.Equal(10, agenda.MinutesOver);
    }

    [Fact]
    public void Without_cases_only_the_phases_that_are_not_per_case_are_on_the_agenda()
    {
        var agenda = AgendaPlanner.Plan(Start, 180, Sparring, []);

        Assert.Equal(["Check-in", "Afslutning"], agenda.Items.Select(i => i.Phase));
        Assert.Equal(25, agenda.PlannedMinutes);
        Assert.True(agenda.Fits);
    }

    [Fact]
    public void Without_protocol_and_cases_the_agenda_is_empty_and_fits()
    {
        var agenda = AgendaPlanner.Plan(Start, 180, null, []);

        Assert.Empty(agenda.Items);
        Assert.True(agenda.Fits);
        Assert.Equal(0, agenda.PlannedMinutes);
    }

    [Theory]
    [InlineData(46)]
    [InlineData(47)]
    [InlineData(100)]
    [InlineData(719)]
    public void A_stretched_block_always_adds_up_to_what_the_case_needs(int needed)
    {
        Assert.Equal(needed, AgendaPlanner.BlockMinutes(Sparring[1..4], needed).Sum());
    }
}
