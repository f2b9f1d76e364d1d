namespace Lifestyle.Domain.Goals;

public static class GoalLimits
{
    public const int MaxOpenGoals = 50;
    public const int TitleMaxLength = 120;
    public const int UnitMaxLength = 32;
    public const int NoteMaxLength = 500;
    public const int MaxMilestones = 10;
    public const decimal MaxActivityValue = 1_000_000m;
    public const decimal MaxTarget = 1_000_000_000m;
    public const int MaxDecimalPlaces = 4;
    public const int StartDateWindowDays = 366;
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    /// <summary>At most <see cref="MaxDecimalPlaces"/> digits after the point once trailing zeros are dropped (docs/product-rules.md §4).</summary>
    public static bool IsFineEnough(decimal amount) => decimal.Round(amount, MaxDecimalPlaces) == amount;
}
