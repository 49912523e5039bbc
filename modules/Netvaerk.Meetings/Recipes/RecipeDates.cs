using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetvaerkPortal.Files;
using NetvaerkPortal.Recipes;

namespace Netvaerk.Meetings.Recipes;

/// <summary>A day in a recipe: fixed ("2027-01-12") or counted from the day the recipe runs ({"Days": -21}), so a
/// held meeting lies in the past and a series in the future for every tenant made from a static recipe.</summary>
internal sealed record RecipeDay(DateOnly? Fixed, int Days)
{
    /// <summary>How far a relative day may lie from the run's day: ten years either way.</summary>
    public const int MaxDays = 3660;

    public DateOnly On(DateOnly today) => Fixed ?? today.AddDays(Days);
}

/// <summary>A local (Europe/Copenhagen) start: fixed ("2027-01-12T13:00") or relative ({"Days": 14, "Time": "13:00"}).</summary>
internal sealed record RecipeMoment(RecipeDay Day, TimeOnly Time)
{
    public DateTime On(DateOnly today) => Day.On(today).ToDateTime(Time);
}

internal static class RecipeDates
{
    private const string MomentShape = "a local date and time \"2027-01-12T13:00\", or a day counted from the day the recipe runs, {\"Days\": -21, \"Time\": \"13:00\"}";
    private const string DayShape = "a date \"2027-01-12\", or a day counted from the day the recipe runs, {\"Days\": -7}";

    /// <summary>The run's day in Copenhagen.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(MeetingTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    public static RecipeMoment? Moment(StepReader reader, JsonObject obj, string path, string field)
    {
        var node = RecipeReader.Get(obj, field);
        var where = StepReader.Join(path, field);
        switch (node)
        {
            case null:
                reader.Error(where, $"is required: {MomentShape}.");
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var fixedStart))
                {
                    return new RecipeMoment(new RecipeDay(DateOnly.FromDateTime(fixedStart), 0), TimeOnly.FromDateTime(fixedStart));
                }

                reader.Error(where, $"'{SafePaths.Show(text)}' is not a date and time. Write {MomentShape}.");
                return null;
            case JsonObject relative:
                if (reader.Object(relative, where, ["Days", "Time"]) is null)
                {
                    return null;
                }

                var days = reader.Number(relative, where, "Days", -RecipeDay.MaxDays, RecipeDay.MaxDays);
                var time = reader.Text(relative, where, "Time", 5, required: true);
                if (time is not null && !TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clockTime))
                {
                    reader.Error($"{where}.Time", $"'{SafePaths.Show(time)}' is not a time of day. Write it as \"13:00\".");
                    return null;
                }

                return days is null || time is null ? null : new RecipeMoment(new RecipeDay(null, days.Value), TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture));
            default:
                reader.Error(where, $"must be {MomentShape}, not {RecipeReader.Kind(node)}.");
                return null;
        }
    }

    /// <summary>An optional day; null when absent or wrong (with an error).</summary>
    public static RecipeDay? Day(StepReader reader, JsonObject obj, string path, string field)
    {
        var node = RecipeReader.Get(obj, field);
        var where = StepReader.Join(path, field);
        switch (node)
        {
            case null:
                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return new RecipeDay(date, 0);
                }

                reader.Error(where, $"'{SafePaths.Show(text)}' is not a date. Write {DayShape}.");
                return null;
            case JsonObject relative:
                if (reader.Object(relative, where, ["Days"]) is null)
                {
                    return null;
                }

                return reader.Number(relative, where, "Days", -RecipeDay.MaxDays, RecipeDay.MaxDays) is { } days ? new RecipeDay(null, days) : null;
            default:
                reader.Error(where, $"must be {DayShape}, not {RecipeReader.Kind(node)}.");
                return null;
        }
    }
}
