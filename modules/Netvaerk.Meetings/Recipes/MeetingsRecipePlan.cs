namespace Netvaerk.Meetings.Recipes;

// What the "Meetings" recipe step asks for, read and checked (MeetingsRecipeReader); users are user names here.

/// <param name="Label">How messages name the network: "network '…'".</param>
internal sealed record NetworkPlan(string Label, string Network, IReadOnlyList<MemberPlan> Members, IReadOnlyList<MeetingPlan> Meetings);

/// <param name="Email">Given: the user is created (without a password; they set one through "Glemt adgangskode") when
/// the tenant has no user by that name. Absent: the user must exist.</param>
internal sealed record MemberPlan(string UserName, string? Email, bool Coordinator);

/// <summary>One meeting, or a series of <see cref="Count"/> meetings <see cref="EveryWeeks"/> weeks apart; Roles go to
/// the meetings in order (the rest follow the rotation), as do Places and Themes (over Place and Theme); RSVPs and cases
/// go to the first.</summary>
internal sealed record MeetingPlan(
    string Path,
    RecipeMoment Start,
    int DurationMinutes,
    string? Protocol,
    string? Place,
    string? Theme,
    string? Practicalities,
    int Count,
    int EveryWeeks,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Themes,
    IReadOnlyList<RolesPlan> Roles,
    IReadOnlyList<RsvpPlan> Rsvps,
    IReadOnlyList<CasePlan> Cases,
    HeldPlan? Held);

internal sealed record RolesPlan(string? MeetingLeader, string? Timekeeper, string? NoteTaker, string? Host);

internal sealed record RsvpPlan(string UserName, bool Attending, string? Reason);

internal sealed record CasePlan(string UserName, string Title, string KeyQuestion, string? WantFromGroup, int MinutesNeeded, int Priority, bool Selected);

/// <summary>What happened at a meeting that has taken place.</summary>
/// <param name="Items">One per agenda item, in order: minutes actually spent, notes and decisions.</param>
/// <param name="Notes">Notes on the meeting as a whole.</param>
internal sealed record HeldPlan(
    IReadOnlyList<string> Present,
    IReadOnlyList<ItemPlan> Items,
    string? Notes,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<ActionPlan> Actions,
    EvaluationPlan? Evaluations);

/// <param name="Phase">The agenda item's phase name, checked against the frozen agenda so a recipe cannot drift from its protocol.</param>
internal sealed record ItemPlan(string Path, string? Phase, int Minutes, string? Notes, IReadOnlyList<string> Decisions);

internal sealed record ActionPlan(string Text, string? Owner, RecipeDay? Due, bool Done);

/// <summary>The evaluation as it is stored: who answered, and the answers without names (they only become tallies).</summary>
internal sealed record EvaluationPlan(IReadOnlyList<string> Responders, IReadOnlyList<AnswerPlan> Answers, IReadOnlyList<string> Comments);

internal sealed record AnswerPlan(int Value, int Time, int Energy, bool WorthIt);
