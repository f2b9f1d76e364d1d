using Lifestyle.Domain.Goals;

namespace Lifestyle.Domain.Templates;

public sealed record GoalTemplate(
    string Id, string Title, GoalPattern Pattern, decimal Target, string Unit, int? TimesPerWeek);

/// <summary>The five health-and-wellness templates (docs/product-rules.md §4).</summary>
public static class GoalTemplates
{
    public static readonly IReadOnlyList<GoalTemplate> All =
    [
        new("water-8-glasses", "Drink 8 glasses of water daily", GoalPattern.Daily, 8, "glasses", null),
        new("exercise-30min-3x-week", "Exercise 30 minutes 3x/week", GoalPattern.Weekly, 30, "minutes", 3),
        new("meditate-10min-daily", "Meditate 10 minutes daily", GoalPattern.Daily, 10, "minutes", null),
        new("sleep-8-hours", "Sleep 8 hours nightly", GoalPattern.Daily, 8, "hours", null),
        new("walk-10000-steps", "Walk 10,000 steps daily", GoalPattern.Daily, 10000, "steps", null),
    ];

    public static GoalTemplate? Find(string? id) => All.FirstOrDefault(t => t.Id == id);
}
