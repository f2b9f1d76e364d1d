using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Templates;

namespace Lifestyle.Domain.Insights;

public sealed record Recommendation(string TemplateId, decimal Score, IReadOnlyList<string> Reasons);

public static class RecommendationReasons
{
    public const string SimilarUsers = "similar-users";
    public const string SuccessPattern = "success-pattern";
    public const string Season = "season";
    public const string Popular = "popular";
}

/// <summary>
/// Ranks the templates a user has not adopted (docs/insights.md): similar users' co-adoption (only over at least
/// <see cref="MinCohort"/> other users), the user's success pattern, the season, and popularity (again over at
/// least <see cref="MinCohort"/> users). Only templates with a reason are offered, at most <see cref="Max"/>.
/// </summary>
public static class Recommender
{
    public const int Max = 5;
    public const int MinCohort = 20;

    /// <param name="stats">The statistics of the last daily close.</param>
    /// <param name="adopted">The templates the user has adopted now (a goal of any status).</param>
    /// <param name="counted">The user's adoption set as the statistics counted it (null: not counted).</param>
    /// <param name="successPattern">The user's most-met pattern kind, if any.</param>
    /// <param name="month">The month of the year for the seasonal table.</param>
    public static IReadOnlyList<Recommendation> Rank(
        TemplateStats stats, IReadOnlySet<string> adopted, IReadOnlySet<string>? counted, string? successPattern, int month)
    {
        // The user is among the holders of their own set only when the statistics counted exactly that set.
        var self = counted is not null && counted.SetEquals(adopted) ? 1 : 0;
        var (similar, _) = stats.Count(adopted);
        similar -= self;
        var users = stats.Users;
        var ranked = new List<Recommendation>();
        foreach (var template in GoalTemplates.All.Where(t => !adopted.Contains(t.Id)))
        {
            var reasons = new List<string>();
            decimal score = 0;
            if (adopted.Count > 0 && similar >= MinCohort && stats.Count(adopted, template.Id).AlsoHolding is > 0 and var co)
            {
                reasons.Add(RecommendationReasons.SimilarUsers);
                score += 0.5m * co / similar;
            }

            if (successPattern is not null && template.Pattern.ToWire() == successPattern)
            {
                reasons.Add(RecommendationReasons.SuccessPattern);
                score += 0.25m;
            }

            if (Seasons.TemplateOf(month) == template.Id)
            {
                reasons.Add(RecommendationReasons.Season);
                score += 0.15m;
            }

            if (users >= MinCohort && stats.Count(new HashSet<string> { template.Id }).Holding is > 0 and var adopters)
            {
                reasons.Add(RecommendationReasons.Popular);
                score += 0.1m * adopters / users;
            }

            if (reasons.Count > 0)
            {
                // Dividing by 1.000… drops trailing zeros (0.40 → 0.4) without changing the value.
                ranked.Add(new Recommendation(template.Id, Math.Round(score, 4, MidpointRounding.AwayFromZero) / 1.0000000000000000000000000000m, reasons));
            }
        }

        return ranked.OrderByDescending(r => r.Score).Take(Max).ToList();
    }
}
