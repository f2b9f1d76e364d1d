namespace Lifestyle.Domain.Goals;

/// <summary>Rule violations the domain reports; the API maps each to the spec's problem <c>code</c>.</summary>
public enum GoalErrorCode
{
    ValidationFailed,
    InvalidDateRange,
    GoalNotFound,
    ActivityNotFound,
    GoalArchived,
    GoalAlreadyCompleted,
    GoalPaused,
    GoalQuotaExceeded,
}

public sealed class GoalRuleException : Exception
{
    public GoalRuleException(GoalErrorCode code, string message, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(message)
    {
        Code = code;
        Errors = errors;
    }

    public GoalErrorCode Code { get; }

    /// <summary>Field errors, for <see cref="GoalErrorCode.ValidationFailed"/>.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    public static GoalRuleException Invalid(string field, string message) =>
        new(GoalErrorCode.ValidationFailed, message, new Dictionary<string, string[]> { [field] = [message] });
}
