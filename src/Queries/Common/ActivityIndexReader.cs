using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Events;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Queries.Common;

/// <summary>
/// Walks a goal's live activities through GSI2 (occurredAt order). A removal's index key sorts right
/// after its activity's, so reading newest first meets the removal before the activity it hides.
/// </summary>
public sealed class ActivityIndexReader(IAmazonDynamoDB db, IOptions<DynamoOptions> options)
{
    /// <summary>Live activities with their GSI2 sort keys, from after <paramref name="afterSortKey"/>.</summary>
    public async IAsyncEnumerable<(ActivityLogged Activity, DateTimeOffset RecordedAt, string SortKey, string TableSortKey)> ReadAsync(
        string userId, string goalId, bool newestFirst, (string SortKey, string TableSortKey)? after,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = options.Value.TableName,
            IndexName = Keys.Gsi2,
            KeyConditionExpression = "GSI2PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new(Keys.ActivityIndex(userId, goalId)) },
            ScanIndexForward = !newestFirst,
            Limit = 100,
        };
        if (after is { } a)
        {
            request.ExclusiveStartKey = new()
            {
                [Keys.Gsi2PK] = new(Keys.ActivityIndex(userId, goalId)),
                [Keys.Gsi2SK] = new(a.SortKey),
                [Keys.PK] = new(Keys.User(userId)),
                [Keys.SK] = new(a.TableSortKey),
            };
        }

        // Newest first, a removal comes before its activity; oldest first, right after it (held back one item).
        var removed = new HashSet<string>(StringComparer.Ordinal);
        (ActivityLogged Activity, DateTimeOffset RecordedAt, string SortKey, string TableSortKey)? held = null;
        await foreach (var page in db.QueryPagesAsync(request, ct))
        {
            foreach (var item in page.Items ?? [])
            {
                var e = EventItems.FromItem(item);
                if (e.Event is ActivityRemoved r)
                {
                    removed.Add(r.ActivityId);
                    if (held?.Activity.ActivityId == r.ActivityId)
                    {
                        held = null;
                    }
                }
                else if (e.Event is ActivityLogged l && !removed.Contains(l.ActivityId))
                {
                    var current = (l, e.RecordedAt, item[Keys.Gsi2SK].S, item[Keys.SK].S);
                    if (newestFirst)
                    {
                        yield return current;
                        continue;
                    }

                    if (held is { } h)
                    {
                        yield return h;
                    }

                    held = current;
                }
            }
        }

        if (held is { } last)
        {
            yield return last;
        }
    }
}
