using System.Text.Json;
using System.Text.Json.Nodes;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Projections.Notifications;

/// <summary>
/// One fact worth telling a user, sent at most once: <paramref name="FactKey"/> names the fact within the goal
/// (or within the user when there is no goal), e.g. <c>percent#50</c>, <c>broken#2026-11-21</c>, <c>summary#2026-W47</c>.
/// </summary>
public sealed record Notification(
    string Type, string UserId, string? GoalId, string FactKey, DateTimeOffset OccurredAt, JsonObject Data)
{
    private static readonly UtcDateTimeOffsetConverter Instants = new();

    /// <summary>The fact's stable id (docs/product-rules.md §6): the same for every copy, so subscribers can drop duplicates.</summary>
    public string NotificationId => NotificationItems.IdOf(NotificationItems.KeyOf(this));

    /// <summary>
    /// The SNS message: body <c>{notificationId, type, userId, goalId, occurredAt, data}</c> and attributes type,
    /// userId, goalId, notificationId.
    /// </summary>
    public SnsMessage Message()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("notificationId", NotificationId);
            json.WriteString("type", Type);
            json.WriteString("userId", UserId);
            if (GoalId is not null)
            {
                json.WriteString("goalId", GoalId);
            }

            json.WritePropertyName("occurredAt");
            Instants.Write(json, OccurredAt, StoreJson.Options);
            json.WritePropertyName("data");
            Data.WriteTo(json);
            json.WriteEndObject();
        }

        List<KeyValuePair<string, string>> attributes = [new("type", Type), new("userId", UserId)];
        if (GoalId is not null)
        {
            attributes.Add(new("goalId", GoalId));
        }

        attributes.Add(new("notificationId", NotificationId));
        return new SnsMessage(System.Text.Encoding.UTF8.GetString(buffer.ToArray()), attributes);
    }
}
