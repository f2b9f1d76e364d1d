namespace Lifestyle.Projections.Notifications;

/// <summary>The notification types of docs/product-rules.md §6 (the <c>type</c> of the body and the message attribute).</summary>
public static class NotificationTypes
{
    public const string GoalCompleted = "goal.completed";
    public const string GoalMilestone = "goal.milestone";
    public const string StreakMilestone = "streak.milestone";
    public const string StreakAtRisk = "streak.at-risk";
    public const string StreakBroken = "streak.broken";
    public const string WeeklySummary = "summary.weekly";
}
