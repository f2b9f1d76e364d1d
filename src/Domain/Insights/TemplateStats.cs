namespace Lifestyle.Domain.Insights;

/// <summary>
/// The cross-user template statistics: how many users hold each adoption set (the templates they adopted, sorted
/// and joined with <c>+</c>; the empty set is <c>""</c>). Counts only, never a user id (docs/insights.md).
/// </summary>
public sealed record TemplateStats(DateOnly AsOf, IReadOnlyDictionary<string, int> AdoptionSets)
{
    public const char Separator = '+';

    public static TemplateStats Empty(DateOnly asOf) => new(asOf, new Dictionary<string, int>());

    public int Users => AdoptionSets.Values.Sum();

    public static string SetKey(IEnumerable<string> templateIds) =>
        string.Join(Separator, templateIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public static IReadOnlySet<string> SetOf(string key) =>
        key.Length == 0 ? new HashSet<string>() : key.Split(Separator).ToHashSet(StringComparer.Ordinal);

    /// <summary>Counts each user's adoption set.</summary>
    public static TemplateStats From(DateOnly asOf, IEnumerable<IEnumerable<string>> adoptionsPerUser)
    {
        var sets = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var user in adoptionsPerUser)
        {
            var key = SetKey(user);
            sets[key] = sets.GetValueOrDefault(key) + 1;
        }

        return new TemplateStats(asOf, sets);
    }

    /// <summary>Users whose set holds every template of <paramref name="templates"/>, and of those, how many also hold <paramref name="also"/>.</summary>
    public (int Holding, int AlsoHolding) Count(IReadOnlySet<string> templates, string? also = null)
    {
        int holding = 0, alsoHolding = 0;
        foreach (var (key, users) in AdoptionSets)
        {
            var set = SetOf(key);
            if (templates.All(set.Contains))
            {
                holding += users;
                alsoHolding += also is not null && set.Contains(also) ? users : 0;
            }
        }

        return (holding, alsoHolding);
    }
}
