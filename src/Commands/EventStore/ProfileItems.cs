using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Goals;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Infrastructure.Dynamo;

namespace Lifestyle.Commands.EventStore;

/// <summary>The <c>PROFILE</c> item's open-goal counter, moved in the same transaction as the events.</summary>
public static class ProfileItems
{
    public const string OpenGoals = "openGoals";

    public static TransactWriteItem Adjust(string table, string userId, int delta, DateTimeOffset now)
    {
        var update = new Update
        {
            TableName = table,
            Key = new() { [Keys.PK] = new(Keys.User(userId)), [Keys.SK] = new(Keys.Profile) },
            UpdateExpression = "ADD openGoals :d SET updatedAt = :now, entity = :entity",
            ExpressionAttributeValues = new()
            {
                [":d"] = new() { N = delta.ToString(CultureInfo.InvariantCulture) },
                [":now"] = new(Keys.Timestamp(now)),
                [":entity"] = new("profile"),
            },
        };
        if (delta > 0)
        {
            // The quota holds under races: a second create that read a stale count fails here.
            // ... and no goal is created while the user is being erased.
            update.ConditionExpression = Conditions.And("attribute_not_exists(openGoals) OR openGoals <= :max", Conditions.NotErasing);
            update.ExpressionAttributeValues[":max"] = new()
            {
                N = (GoalLimits.MaxOpenGoals - delta).ToString(CultureInfo.InvariantCulture),
            };
        }

        return new TransactWriteItem { Update = update };
    }
}
