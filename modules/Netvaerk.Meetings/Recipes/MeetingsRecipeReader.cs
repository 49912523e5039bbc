using System.Text.Json.Nodes;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Files;
using NetvaerkPortal.Recipes;

namespace Netvaerk.Meetings.Recipes;

/// <summary>Reads the "Meetings" step into <see cref="NetworkPlan"/>s and finds what is wrong without a database: kinds
/// of values, dates, ratings, people who are not among the network's Members, more evaluations than attendees.</summary>
internal static class MeetingsRecipeReader
{
    private const int MaxNetworks = 50;
    private const int MaxMembers = 500;
    private const int MaxMeetings = 100;
    private const int MaxItems = 100;
    private const int MaxEntries = 200;
    private const int UserNameLength = 256;

    public static (IReadOnlyList<NetworkPlan> Networks, IReadOnlyList<string> Errors) Read(JsonObject data, bool evaluated)
    {
        var reader = new StepReader(evaluated);
        var networks = new List<NetworkPlan>();
        if (reader.Object(data, "the step", ["name", "Networks"]) is not null && RecipeReader.Get(data, "Networks") is null)
        {
            reader.Error("Networks", "is required: an array of { \"Network\": \"<ContentItemId>\", \"Members\": [...], \"Meetings\": [...] }.");
        }

        foreach (var (path, node) in reader.Array(data, "the step", "Networks", MaxNetworks))
        {
            if (Network(reader, path, node) is { } network)
            {
                if (networks.Any(n => n.Network == network.Network))
                {
                    reader.Error(network.Label, "is named twice in Networks. Give each network one entry.");
                }

                networks.Add(network);
            }
        }

        return (networks, reader.Errors.Select(e => e.StartsWith("the step.", StringComparison.Ordinal) ? e["the step.".Length..] : e).ToList());
    }

    private static NetworkPlan? Network(StepReader reader, string path, JsonNode? node)
    {
        if (reader.Object(node, path, ["Network", "Members", "Meetings"]) is not { } obj)
        {
            return null;
        }

        var id = reader.Id(obj, path, "Network", required: true);
        if (id is null)
        {
            return null;
        }

        var label = $"network '{SafePaths.Show(id)}'";
        var members = new List<MemberPlan>();
        foreach (var (memberPath, memberNode) in reader.Array(obj, label, "Members", MaxMembers))
        {
            if (reader.Object(memberNode, memberPath, ["UserName", "Email", "Coordinator"]) is { } member
                && reader.Text(member, memberPath, "UserName", UserNameLength, required: true) is { } userName)
            {
                if (members.Any(m => string.Equals(m.UserName, userName, StringComparison.OrdinalIgnoreCase)))
                {
                    reader.Error($"{memberPath}.UserName", $"'{SafePaths.Show(userName)}' is listed twice. List each member once.");
                }

                members.Add(new MemberPlan(userName, reader.Text(member, memberPath, "Email", UserNameLength), reader.Flag(member, memberPath, "Coordinator", false) ?? false));
            }
        }

        var people = new People(reader, members);
        var meetings = new List<MeetingPlan>();
        foreach (var (meetingPath, meetingNode) in reader.Array(obj, label, "Meetings", MaxMeetings))
        {
            if (Meeting(reader, people, meetingPath, meetingNode) is { } meeting)
            {
                meetings.Add(meeting);
            }
        }

        return new NetworkPlan(label, id, members, meetings);
    }

    private static MeetingPlan? Meeting(StepReader reader, People people, string path, JsonNode? node)
    {
        if (reader.Object(node, path, ["Start", "DurationMinutes", "Protocol", "Place", "Theme", "Practicalities", "Count", "EveryWeeks", "Places", "Themes", "Roles", "Rsvps", "Cases", "Held"]) is not { } obj)
        {
            return null;
        }

        var errors = reader.Errors.Count;
        var start = RecipeDates.Moment(reader, obj, path, "Start");
        var duration = reader.Number(obj, path, "DurationMinutes", MeetingInput.MinDuration, MeetingInput.MaxDuration);
        var protocol = reader.Id(obj, path, "Protocol", required: false);
        var place = reader.Text(obj, path, "Place", MeetingInput.PlaceLength);
        var theme = reader.Text(obj, path, "Theme", MeetingInput.ThemeLength);
        var practicalities = reader.Text(obj, path, "Practicalities", MeetingInput.CharterLength);
        var count = reader.Number(obj, path, "Count", 1, MeetingInput.MaxSeries, 1) ?? 1;
        var everyWeeks = reader.Number(obj, path, "EveryWeeks", count > 1 ? 1 : 0, MeetingInput.MaxEveryWeeks, count > 1 ? null : 0) ?? 0;
        var places = reader.Texts(obj, path, "Places", count, MeetingInput.PlaceLength);
        var themes = reader.Texts(obj, path, "Themes", count, MeetingInput.ThemeLength);
        var roles = Roles(reader, people, obj, path, count);
        var rsvps = new List<RsvpPlan>();
        foreach (var (rsvpPath, rsvpNode) in reader.Array(obj, path, "Rsvps", MaxEntries))
        {
            if (reader.Object(rsvpNode, rsvpPath, ["UserName", "Attending", "Reason"]) is { } rsvp && people.Member(rsvp, rsvpPath, "UserName", required: true) is { } who)
            {
                rsvps.Add(new RsvpPlan(who, reader.Flag(rsvp, rsvpPath, "Attending") ?? true, reader.Text(rsvp, rsvpPath, "Reason", MeetingInput.ReasonLength)));
            }
        }

        var cases = new List<CasePlan>();
        foreach (var (casePath, caseNode) in reader.Array(obj, path, "Cases", MaxEntries))
        {
            if (reader.Object(caseNode, casePath, ["UserName", "Title", "KeyQuestion", "WantFromGroup", "MinutesNeeded", "Priority", "Selected"]) is { } item)
            {
                var owner = people.Member(item, casePath, "UserName", required: true);
                var title = reader.Text(item, casePath, "Title", MeetingInput.CaseTitleLength, required: true);
                var question = reader.Text(item, casePath, "KeyQuestion", MeetingInput.KeyQuestionLength, required: true);
                var want = reader.Text(item, casePath, "WantFromGroup", MeetingInput.WantLength);
                var minutes = reader.Number(item, casePath, "MinutesNeeded", 1, MeetingInput.MaxDuration);
                var priority = reader.Number(item, casePath, "Priority", 1, 3, 2);
                var selected = reader.Flag(item, casePath, "Selected", false);
                if (owner is not null && title is not null && question is not null && minutes is not null && priority is not null && selected is not null)
                {
                    cases.Add(new CasePlan(owner, title, question, want, minutes.Value, priority.Value, selected.Value));
                }
            }
        }

        HeldPlan? held = null;
        if (RecipeReader.Get(obj, "Held") is { } heldNode)
        {
            held = Held(reader, people, $"{path}.Held", heldNode);
            if (count > 1)
            {
                reader.Error($"{path}.Count", "a held meeting is one meeting. Plan the series in an entry of its own.");
            }

            if (start?.Day is { Fixed: null, Days: > 0 })
            {
                reader.Error($"{path}.Start", $"a held meeting lies in the past, but Days is {start.Day.Days}. Use a negative number of days.");
            }
        }
        else if (start?.Day is { Fixed: null, Days: < 0 })
        {
            reader.Error($"{path}.Start", $"a planned meeting lies ahead, but Days is {start.Day.Days}. Use a positive number of days, or describe the meeting under \"Held\".");
        }

        return reader.Errors.Count > errors || start is null || duration is null
            ? null
            : new MeetingPlan(path, start, duration.Value, protocol, place, theme, practicalities, count, everyWeeks, places, themes, roles, rsvps, cases, held);
    }

    private static List<RolesPlan> Roles(StepReader reader, People people, JsonObject obj, string path, int count)
    {
        var node = RecipeReader.Get(obj, "Roles");
        IReadOnlyList<(string Path, JsonNode? Node)> entries = node switch
        {
            null => [],
            JsonArray => reader.Array(obj, path, "Roles", count),
            _ => [(StepReader.Join(path, "Roles"), node)],
        };
        var list = new List<RolesPlan>();
        foreach (var (rolePath, roleNode) in entries)
        {
            if (reader.Object(roleNode, rolePath, ["MeetingLeader", "Timekeeper", "NoteTaker", "Host"]) is { } roles)
            {
                list.Add(new RolesPlan(
                    people.Member(roles, rolePath, "MeetingLeader"),
                    people.Member(roles, rolePath, "Timekeeper"),
                    people.Member(roles, rolePath, "NoteTaker"),
                    people.Member(roles, rolePath, "Host")));
            }
        }

        return list;
    }

    private static HeldPlan? Held(StepReader reader, People people, string path, JsonNode node)
    {
        if (reader.Object(node, path, ["Present", "Items", "Notes", "Decisions", "Actions", "Evaluations"]) is not { } obj)
        {
            return null;
        }

        var present = people.Members(obj, path, "Present");
        var items = new List<ItemPlan>();
        foreach (var (itemPath, itemNode) in reader.Array(obj, path, "Items", MaxItems))
        {
            if (reader.Object(itemNode, itemPath, ["Phase", "Minutes", "Notes", "Decisions"]) is { } item
                && reader.Number(item, itemPath, "Minutes", 0, MeetingInput.MaxDuration) is { } minutes)
            {
                items.Add(new ItemPlan(itemPath, reader.Text(item, itemPath, "Phase", 200), minutes,
                    reader.Text(item, itemPath, "Notes", MeetingItemNoteLimits.TextLength), reader.Texts(item, itemPath, "Decisions", MaxEntries, 2000)));
            }
        }

        var actions = new List<ActionPlan>();
        foreach (var (actionPath, actionNode) in reader.Array(obj, path, "Actions", MaxEntries))
        {
            if (reader.Object(actionNode, actionPath, ["Text", "Owner", "Due", "Done"]) is { } action
                && reader.Text(action, actionPath, "Text", MeetingInput.ActionLength, required: true) is { } text)
            {
                actions.Add(new ActionPlan(text, people.Member(action, actionPath, "Owner"), RecipeDates.Day(reader, action, actionPath, "Due"), reader.Flag(action, actionPath, "Done", false) ?? false));
            }
        }

        EvaluationPlan? evaluations = null;
        if (RecipeReader.Get(obj, "Evaluations") is { } evaluationNode)
        {
            evaluations = Evaluations(reader, people, $"{path}.Evaluations", evaluationNode, present);
        }

        return new HeldPlan(present, items, reader.Text(obj, path, "Notes", MeetingItemNoteLimits.TextLength), reader.Texts(obj, path, "Decisions", MaxEntries, 2000), actions, evaluations);
    }

    private static EvaluationPlan? Evaluations(StepReader reader, People people, string path, JsonNode node, List<string> present)
    {
        if (reader.Object(node, path, ["Responders", "Answers", "Comments"]) is not { } obj)
        {
            return null;
        }

        var responders = people.Members(obj, path, "Responders");
        foreach (var responder in responders.Where(r => !RecipeExpressions.Pending(r, reader.Evaluated) && !present.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            reader.Error($"{path}.Responders", $"'{SafePaths.Show(responder)}' did not attend (is not in Present). Only attendees evaluate a meeting.");
        }

        var answers = new List<AnswerPlan>();
        foreach (var (answerPath, answerNode) in reader.Array(obj, path, "Answers", MaxEntries))
        {
            if (reader.Object(answerNode, answerPath, ["Value", "Time", "Energy", "WorthIt"]) is { } answer)
            {
                var value = reader.Number(answer, answerPath, "Value", 1, 5);
                var time = reader.Number(answer, answerPath, "Time", 1, 5);
                var energy = reader.Number(answer, answerPath, "Energy", 1, 5);
                var worthIt = reader.Flag(answer, answerPath, "WorthIt");
                if (value is not null && time is not null && energy is not null && worthIt is not null)
                {
                    answers.Add(new AnswerPlan(value.Value, time.Value, energy.Value, worthIt.Value));
                }
            }
        }

        var comments = reader.Texts(obj, path, "Comments", MaxEntries, 2000);
        var answerCount = (RecipeReader.Get(obj, "Answers") as JsonArray)?.Count ?? 0;
        if (answerCount > present.Count)
        {
            reader.Error($"{path}.Answers", $"{answerCount} evaluations, but only {present.Count} attended. A meeting has at most one evaluation per attendee.");
        }
        else if (answerCount != responders.Count)
        {
            reader.Error($"{path}.Answers", $"{answerCount} answers for {responders.Count} responders. Give one answer per responder (the answers are stored without names).");
        }

        if (comments.Count > answerCount)
        {
            reader.Error($"{path}.Comments", $"{comments.Count} comments for {answerCount} answers. Each comment belongs to an answer.");
        }

        return new EvaluationPlan(responders, answers, comments);
    }

    /// <summary>User names the step refers to: each must be among the network's Members in the same entry.</summary>
    private sealed class People(StepReader reader, IReadOnlyList<MemberPlan> members)
    {
        public string? Member(JsonObject obj, string path, string field, bool required = false) =>
            reader.Text(obj, path, field, UserNameLength, required) is { } name && Check(name, StepReader.Join(path, field)) ? name : null;

        public List<string> Members(JsonObject obj, string path, string field)
        {
            var names = reader.Texts(obj, path, field, MaxMembers, UserNameLength);
            if (names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                reader.Error(StepReader.Join(path, field), $"'{SafePaths.Show(twice.Key)}' is named twice. Name each person once.");
            }

            return names.Where(n => Check(n, StepReader.Join(path, field))).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        private bool Check(string name, string where)
        {
            if (RecipeExpressions.Pending(name, reader.Evaluated) || members.Any(m => string.Equals(m.UserName, name, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            reader.Error(where, $"'{SafePaths.Show(name)}' is not a member of this network. Add them to the network's Members, or name one of them.");
            return false;
        }
    }
}
