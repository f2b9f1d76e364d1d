namespace Lifestyle.Domain.Goals;

/// <summary>The per-pattern invariants of docs/product-rules.md §4 for a whole (merged) definition.</summary>
public static class GoalDefinitionRules
{
    public static void EnsureValid(GoalPattern pattern, GoalDefinition d)
    {
        var errors = Check(pattern, d);
        if (errors.Count > 0)
        {
            throw new GoalRuleException(GoalErrorCode.ValidationFailed, "The goal definition is not valid.", errors);
        }
    }

    public static Dictionary<string, string[]> Check(GoalPattern pattern, GoalDefinition d)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (string.IsNullOrWhiteSpace(d.Title) || d.Title.Length > GoalLimits.TitleMaxLength)
        {
            Add("title", $"Title must be 1-{GoalLimits.TitleMaxLength} characters.");
        }

        if (d.Title is not null && !GoalText.IsClean(d.Title))
        {
            Add("title", GoalText.Rule("Title"));
        }

        if (d.Unit is { Length: > GoalLimits.UnitMaxLength })
        {
            Add("unit", $"Unit must be at most {GoalLimits.UnitMaxLength} characters.");
        }

        if (d.Unit is not null && !GoalText.IsClean(d.Unit))
        {
            Add("unit", GoalText.Rule("Unit"));
        }

        if (d.Target > GoalLimits.MaxTarget)
        {
            Add("target", $"Target must be at most {GoalLimits.MaxTarget}.");
        }

        if (!GoalLimits.IsFineEnough(d.Target))
        {
            Add("target", $"Target must have at most {GoalLimits.MaxDecimalPlaces} decimal places.");
        }

        if (pattern == GoalPattern.Limit ? d.Target < 0 : d.Target <= 0)
        {
            Add("target", pattern == GoalPattern.Limit ? "Target must be 0 or more." : "Target must be greater than 0.");
        }

        if (pattern == GoalPattern.Weekly)
        {
            if (d.TimesPerWeek is null or < 1 or > 7)
            {
                Add("timesPerWeek", "Weekly goals need timesPerWeek between 1 and 7.");
            }
        }
        else if (d.TimesPerWeek is not null)
        {
            Add("timesPerWeek", "timesPerWeek applies only to weekly goals.");
        }

        if (pattern == GoalPattern.Milestones)
        {
            CheckMilestones(d, Add);
        }
        else if (d.Milestones is not null)
        {
            Add("milestones", "milestones applies only to milestones goals.");
        }

        return errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    private static void CheckMilestones(GoalDefinition d, Action<string, string> add)
    {
        var m = d.Milestones;
        if (m is null || m.Count is < 1 or > GoalLimits.MaxMilestones)
        {
            add("milestones", $"Milestones goals need 1-{GoalLimits.MaxMilestones} thresholds.");
            return;
        }

        if (m.Any(t => t > GoalLimits.MaxTarget || !GoalLimits.IsFineEnough(t)))
        {
            add("milestones", $"Milestones must be at most {GoalLimits.MaxTarget} with at most {GoalLimits.MaxDecimalPlaces} decimal places.");
        }
        else if (m[0] <= 0 || m.Zip(m.Skip(1)).Any(p => p.Second <= p.First))
        {
            add("milestones", "Milestones must be positive and strictly ascending.");
        }
        else if (d.Target != m[^1])
        {
            add("target", "The target of a milestones goal is its last milestone.");
        }
    }
}
