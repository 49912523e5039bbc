namespace Netvaerk.Meetings.Protocols;

// What the Protocol* templates show. Texts a template translates are Danish source texts; titles are shown as written.

/// <summary>A protocol in a list: its length as the phases held once (<see cref="Minutes"/>) and those per case.</summary>
public sealed record ProtocolSummary(string Title, string Url, string? Description, int PhaseCount, int Minutes, int MinutesPerCase);

/// <summary>The organisation's protocols (<see cref="NetworkTitle"/> null), or one network's own.</summary>
public sealed record ProtocolGroup(string? NetworkTitle, string? NetworkUrl, IReadOnlyList<ProtocolSummary> Protocols, bool MayCopyInto);

public sealed record ProtocolListModel(IReadOnlyList<ProtocolGroup> Groups, string? NewUrl);

public sealed record PhaseView(int Number, string Name, int Minutes, bool PerCase, string? Speaks, string? Listens, string? Produces, string? Guidance);

public sealed record NetworkChoice(string Id, string Title);

/// <summary>The protocol's page. <see cref="ExampleMinutes"/> is its length with <see cref="ExampleCases"/> cases, when some phases repeat per case.</summary>
public sealed record ProtocolPageModel(
    string Title,
    string? Description,
    string IntroductionHtml,
    string? NetworkTitle,
    string? NetworkUrl,
    string? CopiedFromTitle,
    string? CopiedFromUrl,
    IReadOnlyList<PhaseView> Phases,
    int Minutes,
    int MinutesPerCase,
    int ExampleCases,
    int ExampleMinutes,
    string ListUrl,
    string? EditUrl,
    string? CopyAction,
    IReadOnlyList<NetworkChoice> CopyNetworks,
    string? Message,
    string? CopyError,
    string AntiforgeryField,
    string AntiforgeryToken);

/// <summary>One row of the phase editor, with the error of each of its fields (translated), if any.</summary>
public sealed record PhaseRowView(
    int Index,
    int Number,
    PhaseRow Values,
    string? NameError,
    string? MinutesError,
    string? PerCaseError,
    string? SpeaksError,
    string? ListensError,
    string? ProducesError,
    string? GuidanceError,
    bool IsFirst,
    bool IsLast,
    bool Focus);

/// <summary>An error of the editor, with the id of the field it concerns (null for the form as a whole).</summary>
public sealed record EditorError(string Message, string? FieldId);

public sealed record ProtocolEditorModel(
    string Heading,
    string? NetworkTitle,
    string Action,
    string CancelUrl,
    string Title,
    string Description,
    string Introduction,
    string? TitleError,
    string? DescriptionError,
    string? IntroductionError,
    IReadOnlyList<PhaseRowView> Phases,
    IReadOnlyList<EditorError> Summary,
    string? Message,
    bool MayAdd,
    ProtocolLimitsView Limits,
    string AntiforgeryField,
    string AntiforgeryToken);

/// <summary>The limits the form's fields show (maxlength, max), from <see cref="ProtocolRules"/>.</summary>
public sealed record ProtocolLimitsView(int MaxPhases, int MaxMinutes, int NameLength, int TextLength, int TitleLength)
{
    public static readonly ProtocolLimitsView Current = new(ProtocolRules.MaxPhases, ProtocolRules.MaxMinutes, ProtocolRules.NameLength, ProtocolRules.TextLength, ProtocolRules.TitleLength);
}
