using Lifestyle.Domain.Events;
using Lifestyle.Domain.Time;

namespace Lifestyle.Domain.Goals;

/// <summary>decide(state, intent) → events. Pure: time and the open-goal count are inputs.</summary>
public static class GoalDecider
{
    public static IReadOnlyList<GoalEvent> Create(CreateGoal c, int openGoals, DateTimeOffset now)
    {
        if (openGoals >= GoalLimits.MaxOpenGoals)
        {
            throw new GoalRuleException(GoalErrorCode.GoalQuotaExceeded,
                $"A user can have at most {GoalLimits.MaxOpenGoals} active or paused goals.");
        }

        GoalDefinitionRules.EnsureValid(c.Pattern, c.Definition);
        var today = GoalClock.LocalDate(now, c.Timezone);
        var start = c.StartDate ?? today;
        if (Math.Abs(start.DayNumber - today.DayNumber) > GoalLimits.StartDateWindowDays)
        {
            throw new GoalRuleException(GoalErrorCode.InvalidDateRange,
                $"startDate must be within {GoalLimits.StartDateWindowDays} days of today ({today:yyyy-MM-dd}).");
        }

        EnsureEndNotBeforeStart(start, c.Definition.EndDate);
        return [new GoalCreated(c.GoalId, c.UserId, c.Pattern, c.Definition, start, c.Timezone, c.TemplateId)];
    }

    /// <summary>Any intent on a goal that may not exist yet: a create needs none, everything else needs one.</summary>
    public static IReadOnlyList<GoalEvent> Decide(GoalState? state, GoalIntent intent, int openGoals, DateTimeOffset now) => (state, intent) switch
    {
        (null, CreateGoal c) => Create(c, openGoals, now),
        (null, _) => throw new GoalRuleException(GoalErrorCode.GoalNotFound, "The goal was not found."),
        ({ } s, _) => Decide(s, intent, now),
    };

    public static IReadOnlyList<GoalEvent> Decide(GoalState state, GoalIntent intent, DateTimeOffset now) => intent switch
    {
        ChangeDefinition p => Change(state, p, now),
        PauseGoal => Transition(state, GoalStatus.Paused, () => new GoalPaused(Today(state, now))),
        ResumeGoal => Transition(state, GoalStatus.Active, () => new GoalResumed(Today(state, now))),
        CompleteGoal => Complete(state),
        ArchiveGoal => state.Status == GoalStatus.Archived ? throw Archived() : [new GoalArchived()],
        LogActivity a => Log(state, a, now),
        RemoveActivity r => Remove(state, r),
        CreateGoal => throw new InvalidOperationException("Goal already exists."),
        _ => throw new InvalidOperationException($"Unhandled intent {intent.GetType().Name}."),
    };

    private static IReadOnlyList<GoalEvent> Change(GoalState s, ChangeDefinition p, DateTimeOffset now)
    {
        EnsureOpen(s);
        var d = s.Definition;
        var milestones = p.Milestones ?? d.Milestones;
        var target = p.Target ?? (p.Milestones is { Count: > 0 } m ? m[^1] : d.Target);
        var next = new GoalDefinition(
            p.Title ?? d.Title, target, p.Unit ?? d.Unit, p.TimesPerWeek ?? d.TimesPerWeek, milestones, p.EndDate ?? d.EndDate);
        GoalDefinitionRules.EnsureValid(s.Pattern, next);
        EnsureEndNotBeforeStart(s.StartDate, next.EndDate);
        return next == d ? [] : [new GoalDefinitionChanged(next, Today(s, now))];
    }

    /// <summary>Pause and resume are idempotent: asking for the status a goal already has appends nothing.</summary>
    private static IReadOnlyList<GoalEvent> Transition(GoalState s, GoalStatus to, Func<GoalEvent> make)
    {
        EnsureOpen(s);
        return s.Status == to ? [] : [make()];
    }

    private static IReadOnlyList<GoalEvent> Complete(GoalState s)
    {
        EnsureOpen(s);
        return [new GoalCompleted(CompletionReason.Manual)];
    }

    private static IReadOnlyList<GoalEvent> Log(GoalState s, LogActivity a, DateTimeOffset now)
    {
        EnsureOpen(s);
        if (s.Status == GoalStatus.Paused)
        {
            throw new GoalRuleException(GoalErrorCode.GoalPaused, "The goal is paused; resume it to log activities.");
        }

        if (a.Value < 0 || a.Value > GoalLimits.MaxActivityValue || (a.Value == 0 && s.Pattern != GoalPattern.Limit))
        {
            throw GoalRuleException.Invalid("value",
                $"Value must be greater than 0 and at most {GoalLimits.MaxActivityValue:0} (limit goals also accept 0).");
        }

        if (a.Note is not null && (a.Note.Length > GoalLimits.NoteMaxLength || !GoalText.IsClean(a.Note, multiline: true)))
        {
            throw GoalRuleException.Invalid("note",
                $"Note must be at most {GoalLimits.NoteMaxLength} characters; {GoalText.Rule("it", multiline: true)}");
        }

        if (!GoalLimits.IsFineEnough(a.Value))
        {
            throw GoalRuleException.Invalid("value", $"Value must have at most {GoalLimits.MaxDecimalPlaces} decimal places.");
        }

        var occurredAt = (a.OccurredAt ?? now).ToUniversalTime();
        if (occurredAt > now + GoalLimits.MaxFutureSkew)
        {
            throw GoalRuleException.Invalid("occurredAt", "occurredAt must not be more than 5 minutes in the future.");
        }

        // A local date is at most 14 h from UTC: an instant a day before the start date in UTC is
        // out of range in every zone (and converting instants near DateTimeOffset.MinValue would overflow).
        if (DateOnly.FromDateTime(occurredAt.UtcDateTime).DayNumber < s.StartDate.DayNumber - 1)
        {
            throw new GoalRuleException(GoalErrorCode.InvalidDateRange, $"occurredAt is before the goal's start date {s.StartDate:yyyy-MM-dd}.");
        }

        var localDate = GoalClock.LocalDate(occurredAt, s.Timezone);
        if (localDate < s.StartDate || (s.Definition.EndDate is { } end && localDate > end))
        {
            throw new GoalRuleException(GoalErrorCode.InvalidDateRange,
                $"The activity's local date {localDate:yyyy-MM-dd} is outside the goal's dates.");
        }

        var id = ActivityId.From(GoalState.NextTimestamp(s, now));
        var logged = new ActivityLogged(id, a.Value, occurredAt, localDate, a.Note);
        var reachesTarget = s.Pattern is GoalPattern.Total or GoalPattern.Milestones
            && s.Sum < s.Definition.Target && s.Sum + a.Value >= s.Definition.Target;
        return reachesTarget ? [logged, new GoalCompleted(CompletionReason.TargetReached)] : [logged];
    }

    private static IReadOnlyList<GoalEvent> Remove(GoalState s, RemoveActivity r)
    {
        EnsureOpen(s);
        return r.Found is { } f
            ? [new ActivityRemoved(r.ActivityId, f.Value, f.OccurredAt, f.LocalDate)]
            : throw new GoalRuleException(GoalErrorCode.ActivityNotFound, $"Activity {r.ActivityId} was not found.");
    }

    private static void EnsureOpen(GoalState s)
    {
        if (s.Status == GoalStatus.Archived)
        {
            throw Archived();
        }

        if (s.Status == GoalStatus.Completed)
        {
            throw new GoalRuleException(GoalErrorCode.GoalAlreadyCompleted, "The goal is completed; it can only be archived.");
        }
    }

    private static GoalRuleException Archived() => new(GoalErrorCode.GoalArchived, "The goal is archived.");

    private static void EnsureEndNotBeforeStart(DateOnly start, DateOnly? end)
    {
        if (end is { } e && e < start)
        {
            throw new GoalRuleException(GoalErrorCode.InvalidDateRange, "endDate must not be before startDate.");
        }
    }

    private static DateOnly Today(GoalState s, DateTimeOffset now) => GoalClock.LocalDate(now, s.Timezone);
}
