using System.Text.Json.Nodes;
using Netvaerk.Meetings.Protocols;
using NetvaerkPortal.Content;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>What a protocol must be (<see cref="ProtocolRules"/>): each bad field is named, values of the wrong JSON
/// type are refused, and what passes is stored normalized; reading a stored protocol skips what it cannot use.</summary>
public sealed class ProtocolRulesTests
{
    private static ContentItem Valid() => ProtocolPortal.Protocol("Kollegial sparring", null, ("Casting", 5, false), ("Refleksion", 15, true));

    private static ContentItem WithPhase(string json)
    {
        var item = Valid();
        ((JsonArray)item.Part(ProtocolPart.PartName)!["Phases"]!).Add(JsonNode.Parse(json));
        return item;
    }

    private static List<string> Fields(ContentItem item) => ProtocolRules.Check(item).Select(p => p.Field).ToList();

    [Fact]
    public void A_valid_protocol_has_no_problems()
    {
        Assert.Empty(ProtocolRules.Check(Valid()));
    }

    [Theory]
    [InlineData("""{"Minutes": 5}""", "ProtocolPart.Phases[2].Name")]
    [InlineData("""{"Name": "  ", "Minutes": 5}""", "ProtocolPart.Phases[2].Name")]
    [InlineData("""{"Name": 7, "Minutes": 5}""", "ProtocolPart.Phases[2].Name")]
    [InlineData("""{"Name": "Runde"}""", "ProtocolPart.Phases[2].Minutes")]
    [InlineData("""{"Name": "Runde", "Minutes": -1}""", "ProtocolPart.Phases[2].Minutes")]
    [InlineData("""{"Name": "Runde", "Minutes": 241}""", "ProtocolPart.Phases[2].Minutes")]
    [InlineData("""{"Name": "Runde", "Minutes": 10.5}""", "ProtocolPart.Phases[2].Minutes")]
    [InlineData("""{"Name": "Runde", "Minutes": "10"}""", "ProtocolPart.Phases[2].Minutes")]
    [InlineData("""{"Name": "Runde", "Minutes": true}""", "ProtocolPart.Phases[2].Minutes")]
    [InlineData("""{"Name": "Runde", "Minutes": [10]}""", "ProtocolPart.Phases[2].Minutes")]
    [InlineData("""{"Name": "Runde", "Minutes": 1e400}""", "ProtocolPart.Phases[2].Minutes")]
    [InlineData("""{"Name": "Runde", "Minutes": 10, "PerCase": "yes"}""", "ProtocolPart.Phases[2].PerCase")]
    [InlineData("""{"Name": "Runde", "Minutes": 10, "PerCase": 1}""", "ProtocolPart.Phases[2].PerCase")]
    [InlineData("""{"Name": "Runde", "Minutes": 10, "Guidance": 5}""", "ProtocolPart.Phases[2].Guidance")]
    [InlineData("""{"Name": "Runde", "Minutes": 10, "Speaks": {"who": "alle"}}""", "ProtocolPart.Phases[2].Speaks")]
    [InlineData("""{"Name": "Runde", "Minutes": 10, "Listens": ["casegiver"]}""", "ProtocolPart.Phases[2].Listens")]
    [InlineData("""{"Name": "Runde", "Minutes": 10, "Produces": false}""", "ProtocolPart.Phases[2].Produces")]
    [InlineData("""{"Name": "Runde", "Minutes": 10, "Leader": "Ida"}""", "ProtocolPart.Phases[2].Leader")]
    [InlineData("""[1, 2]""", "ProtocolPart.Phases[2]")]
    [InlineData("""null""", "ProtocolPart.Phases[2]")]
    [InlineData("\"Runde\"", "ProtocolPart.Phases[2]")]
    public void A_bad_phase_is_refused_naming_its_field(string phase, string field)
    {
        Assert.Equal([field], Fields(WithPhase(phase)));
    }

    [Theory]
    [InlineData("Name", ProtocolRules.NameLength)]
    [InlineData("Guidance", ProtocolRules.TextLength)]
    [InlineData("Speaks", ProtocolRules.TextLength)]
    [InlineData("Listens", ProtocolRules.TextLength)]
    [InlineData("Produces", ProtocolRules.TextLength)]
    public void A_phase_text_over_its_limit_is_refused_and_one_at_the_limit_is_not(string field, int limit)
    {
        static ContentItem With(string field, int length)
        {
            var phase = new JsonObject { ["Name"] = "Runde", ["Minutes"] = 10 };
            phase[field] = new string('a', length);
            return WithPhase(phase.ToJsonString());
        }

        var atLimit = With(field, limit);
        var over = With(field, limit + 1);

        Assert.Empty(ProtocolRules.Check(atLimit));
        Assert.Equal([$"ProtocolPart.Phases[2].{field}"], Fields(over));
    }

    [Fact]
    public void Whole_minutes_written_as_decimals_are_accepted_and_stored_as_whole_numbers()
    {
        var item = WithPhase("""{"Name": " Runde ", "Minutes": 10.0, "Guidance": "  "}""");

        Assert.Empty(ProtocolRules.Check(item));
        ProtocolRules.Normalize(item);
        var phase = (JsonObject)item.Part(ProtocolPart.PartName)!["Phases"]![2]!;
        Assert.Equal(10, phase["Minutes"]!.GetValue<int>());
        Assert.Equal("Runde", phase["Name"]!.GetValue<string>());
        Assert.False(phase["PerCase"]!.GetValue<bool>());
        Assert.Null(phase["Guidance"]);
    }

    [Fact]
    public void The_limits_of_0_and_240_minutes_are_allowed()
    {
        Assert.Empty(ProtocolRules.Check(WithPhase("""{"Name": "Pause", "Minutes": 0}""")));
        Assert.Empty(ProtocolRules.Check(WithPhase("""{"Name": "Temadag", "Minutes": 240}""")));
    }

    [Fact]
    public void A_protocol_needs_one_to_thirty_phases()
    {
        var none = ProtocolPortal.Protocol("Tom", null);
        var thirty = ProtocolPortal.Protocol("Lang", null, Enumerable.Range(1, 30).Select(i => ($"Fase {i}", 1, false)).ToArray());
        var thirtyOne = ProtocolPortal.Protocol("For lang", null, Enumerable.Range(1, 31).Select(i => ($"Fase {i}", 1, false)).ToArray());
        var withoutPart = Valid();
        withoutPart.Parts.Remove(ProtocolPart.PartName);

        Assert.Equal(["ProtocolPart.Phases"], Fields(none));
        Assert.Empty(ProtocolRules.Check(thirty));
        Assert.Equal(["ProtocolPart.Phases"], Fields(thirtyOne));
        Assert.Equal(["ProtocolPart.Phases"], Fields(withoutPart));
    }

    [Theory]
    [InlineData("Phases", "{}", "ProtocolPart.Phases")]
    [InlineData("Phases", "\"Casting, case\"", "ProtocolPart.Phases")]
    [InlineData("Description", "42", "ProtocolPart.Description")]
    [InlineData("CopiedFrom", "\"../../etc/passwd\"", "ProtocolPart.CopiedFrom")]
    [InlineData("CopiedFrom", "17", "ProtocolPart.CopiedFrom")]
    [InlineData("Timer", "true", "ProtocolPart.Timer")]
    public void A_bad_field_of_the_part_is_refused_naming_it(string field, string json, string named)
    {
        var item = Valid();
        item.Part(ProtocolPart.PartName)![field] = JsonNode.Parse(json);

        Assert.Contains(named, Fields(item));
    }

    [Fact]
    public void A_missing_or_too_tooLongtitle_and_a_too_tooLongdescription_are_named()
    {
        var untitled = Valid();
        untitled.GetOrCreatePart("TitlePart")["Title"] = "   ";
        var tooLong = Valid();
        tooLong.GetOrCreatePart("TitlePart")["Title"] = new string('t', ProtocolRules.TitleLength + 1);
        tooLong.GetOrCreatePart(ProtocolPart.PartName)["Description"] = new string('d', ProtocolRules.TextLength + 1);

        Assert.Equal(["TitlePart.Title"], Fields(untitled));
        Assert.Equal(["TitlePart.Title", "ProtocolPart.Description"], Fields(tooLong));
    }

    [Fact]
    public void Every_problem_is_listed_with_the_phase_it_concerns()
    {
        var item = WithPhase("""{"Name": "", "Minutes": 500, "PerCase": "ja"}""");

        var problems = ProtocolRules.Check(item);

        Assert.Equal(["ProtocolPart.Phases[2].Name", "ProtocolPart.Phases[2].Minutes", "ProtocolPart.Phases[2].PerCase"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(2, p.Phase));
        Assert.All(problems, p => Assert.Equal(3, p.Arguments[0]));
        Assert.Contains("Phase 3", problems[1].ToException(null).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_stored_protocol_skips_phases_it_cannot_use()
    {
        var item = Valid();
        var phases = (JsonArray)item.Part(ProtocolPart.PartName)!["Phases"]!;
        phases.Add(JsonNode.Parse("""{"Name": "Uden minutter"}"""));
        phases.Add(JsonNode.Parse("""{"Name": "Negative", "Minutes": -5}"""));
        phases.Add(JsonNode.Parse("""{"Minutes": 5}"""));
        phases.Add(JsonNode.Parse("""[1]"""));
        phases.Add(JsonNode.Parse("""{"Name": "Tekst", "Minutes": "10", "PerCase": "true"}"""));

        var read = ProtocolPart.Phases(item);

        Assert.Equal(["Casting", "Refleksion"], read.Select(p => p.Name));
        Assert.Equal(new ProtocolMinutes(5, 15), ProtocolPart.Minutes(read));
        Assert.Equal(35, ProtocolPart.Minutes(read).With(2));
    }
}
