using Lifestyle.Domain.Insights;

namespace Lifestyle.Infrastructure.Insights;

/// <summary>
/// The stored shape of a user's insights (<c>USER#{userId}</c> / <c>INSIGHTS</c>, schema 1): what the daily close
/// of <see cref="ClosedDate"/> found for each active goal, the templates it counted as the user's adoptions, and
/// the user's success pattern. Decoupled from the domain records, so either can change on its own.
/// </summary>
public sealed record UserInsightsShape(
    DateOnly ClosedDate, IReadOnlyList<GoalInsightShape> Goals, IReadOnlyList<string> Adopted, string? SuccessPattern)
{
    public const int SchemaVersion = 1;
}

public sealed record GoalInsightShape(
    string GoalId, string Pattern, DateOnly AsOf, int Days, int DaysMet, decimal? MetRate, string? Trend,
    string? BestWeekday, string? WorstWeekday, SuggestionShape? Suggestion)
{
    public static GoalInsightShape From(GoalInsight i) => new(
        i.GoalId, i.Pattern, i.AsOf, i.Days, i.DaysMet, i.MetRate, i.Trend, i.BestWeekday, i.WorstWeekday,
        i.Suggestion is { } s ? new SuggestionShape(s.Kind, s.ProposedTarget, s.Reason) : null);

    public GoalInsight ToInsight() => new(
        GoalId, Pattern, AsOf, Days, DaysMet, MetRate, Trend, BestWeekday, WorstWeekday,
        Suggestion is { } s ? new Suggestion(s.Kind, s.ProposedTarget, s.Reason) : null);
}

public sealed record SuggestionShape(string Kind, decimal? ProposedTarget, string Reason);

/// <summary>
/// The stored shape of the cross-user template statistics (<c>STATS#templates</c> / <c>CURRENT</c>, schema 1):
/// how many users hold each adoption set. Counts only.
/// </summary>
public sealed record TemplateStatsShape(DateOnly ClosedDate, int Users, IReadOnlyList<AdoptionSetShape> AdoptionSets)
{
    public const int SchemaVersion = 1;

    public static TemplateStatsShape From(TemplateStats s) => new(
        s.AsOf, s.Users,
        [.. s.AdoptionSets.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new AdoptionSetShape([.. TemplateStats.SetOf(kv.Key).Order(StringComparer.Ordinal)], kv.Value))]);

    public TemplateStats ToStats() =>
        new(ClosedDate, AdoptionSets.ToDictionary(a => TemplateStats.SetKey(a.Templates), a => a.Users, StringComparer.Ordinal));
}

public sealed record AdoptionSetShape(IReadOnlyList<string> Templates, int Users);
