using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Protocols;

/// <summary>One phase as the editor shows it: the texts as typed, so nothing is lost when the form comes back.</summary>
public sealed class PhaseRow
{
    public string Name { get; set; } = "";

    public string Minutes { get; set; } = "";

    public bool PerCase { get; set; }

    public string Speaks { get; set; } = "";

    public string Listens { get; set; } = "";

    public string Produces { get; set; } = "";

    public string Guidance { get; set; } = "";

    /// <summary>A row nobody wrote in (e.g. added and left): left out when the protocol is saved.</summary>
    public bool IsEmpty =>
        Name.Trim().Length == 0 && Minutes.Trim().Length == 0 && !PerCase && Speaks.Trim().Length == 0
        && Listens.Trim().Length == 0 && Produces.Trim().Length == 0 && Guidance.Trim().Length == 0;
}

/// <summary>What an editor action did to the rows, to tell the writer (a Danish source text with its arguments) and
/// where to put the focus (a row's index).</summary>
public sealed record FormChange(string? Message, object[] Arguments, int? Focus)
{
    public static readonly FormChange None = new(null, [], null);
}

/// <summary>The phase editor's form, which works without JavaScript: every button posts the whole form, named by
/// <c>action</c>: "save", "add" (an empty row at the end), "remove-{i}", "up-{i}", "down-{i}". The rows are numbered
/// fields (<c>Phases[0].Name</c>, <c>Phases[0].Minutes</c>, ...); <see cref="WriteTo"/> makes the part's JSON from
/// them, and <see cref="ProtocolRules"/> judge it, so the form and the API refuse the same things.</summary>
public sealed class ProtocolForm
{
    /// <summary>Rows read from a post; more than a protocol may have, so that too many is refused with a message, not cut.</summary>
    public const int MaxRows = ProtocolRules.MaxPhases + 5;

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string Introduction { get; set; } = "";

    public List<PhaseRow> Phases { get; } = [];

    public static string FieldName(int row, string field) => $"Phases[{row}].{field}";

    public static ProtocolForm From(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var form = new ProtocolForm
        {
            Title = item.Text("TitlePart", "Title") ?? "",
            Description = ProtocolPart.Description(item) ?? "",
            Introduction = item.Text("MarkdownBodyPart", "Markdown") ?? "",
        };
        form.Phases.AddRange(ProtocolPart.Phases(item).Select(p => new PhaseRow
        {
            Name = p.Name,
            Minutes = p.Minutes.ToString(CultureInfo.InvariantCulture),
            PerCase = p.PerCase,
            Speaks = p.Speaks ?? "",
            Listens = p.Listens ?? "",
            Produces = p.Produces ?? "",
            Guidance = p.Guidance ?? "",
        }));
        if (form.Phases.Count == 0)
        {
            form.Phases.Add(new PhaseRow());
        }

        return form;
    }

    /// <summary>The rows as posted, from Phases[0] up to the first missing number; a field sent twice counts once (the first).</summary>
    public static ProtocolForm From(IFormCollection posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        string Value(string name) => posted[name].FirstOrDefault() ?? "";
        var form = new ProtocolForm { Title = Value("Title"), Description = Value("Description"), Introduction = Value("Introduction") };
        for (var row = 0; row < MaxRows && (posted.ContainsKey(FieldName(row, "Name")) || posted.ContainsKey(FieldName(row, "Minutes"))); row++)
        {
            form.Phases.Add(new PhaseRow
            {
                Name = Value(FieldName(row, "Name")),
                Minutes = Value(FieldName(row, "Minutes")),
                PerCase = posted[FieldName(row, "PerCase")].Any(v => v is "true" or "on"),
                Speaks = Value(FieldName(row, "Speaks")),
                Listens = Value(FieldName(row, "Listens")),
                Produces = Value(FieldName(row, "Produces")),
                Guidance = Value(FieldName(row, "Guidance")),
            });
        }

        if (form.Phases.Count == 0)
        {
            form.Phases.Add(new PhaseRow());
        }

        return form;
    }

    /// <summary>Carries out "add", "remove-{i}", "up-{i}" or "down-{i}"; anything else (e.g. "save") changes nothing.</summary>
    public FormChange Apply(string? action)
    {
        if (action == "add")
        {
            if (Phases.Count >= ProtocolRules.MaxPhases)
            {
                return new FormChange("En protokol kan højst have {0} faser.", [ProtocolRules.MaxPhases], null);
            }

            Phases.Add(new PhaseRow());
            return new FormChange("Fase {0} er tilføjet nederst.", [Phases.Count], Phases.Count - 1);
        }

        var dash = action?.LastIndexOf('-') ?? -1;
        if (dash <= 0 || !int.TryParse(action![(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row >= Phases.Count)
        {
            return FormChange.None;
        }

        switch (action[..dash])
        {
            case "remove":
                Phases.RemoveAt(row);
                if (Phases.Count == 0)
                {
                    Phases.Add(new PhaseRow());
                }

                return new FormChange("Fase {0} er fjernet. Den forsvinder først fra protokollen, når du gemmer.", [row + 1], null);
            case "up" when row > 0:
                (Phases[row - 1], Phases[row]) = (Phases[row], Phases[row - 1]);
                return new FormChange("Fasen er flyttet op som fase {0}.", [row], row - 1);
            case "down" when row < Phases.Count - 1:
                (Phases[row + 1], Phases[row]) = (Phases[row], Phases[row + 1]);
                return new FormChange("Fasen er flyttet ned som fase {0}.", [row + 2], row + 1);
            default:
                return FormChange.None;
        }
    }

    /// <summary>Writes the form into the item: the title, the introduction and the part, whose phases are the rows that
    /// are not empty. Minutes that are not a whole number are kept as the text typed, so the rules refuse them by
    /// name. Returns, for each stored phase, the row it came from.</summary>
    public IReadOnlyList<int> WriteTo(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        // The form's fields are named as the part's fields.
        item.GetOrCreatePart("TitlePart")[nameof(Title)] = Title;
        item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = Introduction.Replace("\r\n", "\n", StringComparison.Ordinal);
        var part = item.GetOrCreatePart(ProtocolPart.PartName);
        part[nameof(Description)] = Description.Replace("\r\n", "\n", StringComparison.Ordinal);
        var phases = new JsonArray();
        var rows = new List<int>();
        for (var row = 0; row < Phases.Count; row++)
        {
            var phase = Phases[row];
            if (phase.IsEmpty)
            {
                continue;
            }

            var minutes = phase.Minutes.Trim();
            var json = new JsonObject
            {
                ["Name"] = phase.Name,
                ["Minutes"] = minutes.Length == 0 ? null
                    : int.TryParse(minutes, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? JsonValue.Create(whole) : JsonValue.Create(minutes),
                ["PerCase"] = phase.PerCase,
                ["Speaks"] = phase.Speaks,
                ["Listens"] = phase.Listens,
                ["Produces"] = phase.Produces,
                ["Guidance"] = phase.Guidance.Replace("\r\n", "\n", StringComparison.Ordinal),
            };
            phases.Add(json);
            rows.Add(row);
        }

        part[nameof(Phases)] = phases;
        return rows;
    }
}
