using Netvaerk.Meetings.Protocols;

namespace Netvaerk.Meetings.Planning;

/// <summary>A selected case as the agenda needs it, in the order the meeting leader chose.</summary>
public sealed record AgendaCase(string Id, string Title, int MinutesNeeded);

/// <summary>The agenda of a meeting, computed from its protocol's phases and its selected cases (a pure function).
/// The rule: phases in the protocol's order; a phase that is not per case comes once; a run of consecutive per-case
/// phases is a block that repeats, whole, for each selected case in case order. A block takes the protocol's minutes,
/// unless the case needs more: then the block is stretched to the case's MinutesNeeded, each phase in proportion
/// (whole minutes, largest remainders first), so the agenda shows the time the case really takes and whether it fits.
/// A case never shrinks a block: the method's phases need their minutes even for a small case.
/// Without a protocol every selected case is one item of its MinutesNeeded.</summary>
public static class AgendaPlanner
{
    /// <param name="start">The meeting's local start (Europe/Copenhagen wall-clock time); items get clock times from it.</param>
    public static Agenda Plan(DateTime start, int durationMinutes, IReadOnlyList<ProtocolPhase>? phases, IReadOnlyList<AgendaCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var items = new List<AgendaItem>();
        var minutes = 0;

        void Add(string phase, string? caseId, int length, ProtocolPhase? source)
        {
            items.Add(new AgendaItem(phase, caseId, start.AddMinutes(minutes), length, source?.Guidance, source?.Speaks, source?.Listens, source?.Produces));
            minutes += length;
        }

        if (phases is null)
        {
            foreach (var item in cases)
            {
                Add(item.Title, item.Id, item.MinutesNeeded, null);
            }

            return new Agenda(minutes <= durationMinutes, minutes, durationMinutes, items);
        }

        for (var i = 0; i < phases.Count;)
        {
            if (!phases[i].PerCase)
            {
                Add(phases[i].Name, null, phases[i].Minutes, phases[i]);
                i++;
                continue;
            }

            var end = i;
            while (end < phases.Count && phases[end].PerCase)
            {
                end++;
            }

            var block = phases.Skip(i).Take(end - i).ToList();
            foreach (var item in cases)
            {
                var lengths = BlockMinutes(block, item.MinutesNeeded);
                for (var p = 0; p < block.Count; p++)
                {
                    Add(block[p].Name, item.Id, lengths[p], block[p]);
                }
            }

            i = end;
        }

        return new Agenda(minutes <= durationMinutes, minutes, durationMinutes, items);
    }

    /// <summary>Each phase's minutes for one case: the protocol's, or stretched in proportion to what the case needs.</summary>
    public static int[] BlockMinutes(IReadOnlyList<ProtocolPhase> block, int minutesNeeded)
    {
        ArgumentNullException.ThrowIfNull(block);
        var lengths = block.Select(p => p.Minutes).ToArray();
        var protocolMinutes = lengths.Sum();
        if (minutesNeeded <= protocolMinutes || lengths.Length == 0)
        {
            return lengths;
        }

        if (protocolMinutes == 0)
        {
            // Phases without minutes: the case's time goes to the block's last phase (usually the one that produces).
            lengths[^1] = minutesNeeded;
            return lengths;
        }

        var exact = block.Select(p => (double)p.Minutes * minutesNeeded / protocolMinutes).ToArray();
        var scaled = exact.Select(x => (int)Math.Floor(x)).ToArray();
        var missing = minutesNeeded - scaled.Sum();
        foreach (var index in Enumerable.Range(0, exact.Length).OrderByDescending(k => exact[k] - scaled[k]).ThenBy(k => k).Take(missing))
        {
            scaled[index]++;
        }

        return scaled;
    }
}
