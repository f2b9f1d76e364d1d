using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Queries.Common;
using Lifestyle.Queries.Goals.ListActivities;
using MediatR;
using Microsoft.Extensions.Options;

namespace Lifestyle.Queries.Export.ExportData;

/// <summary>Goal heads (one Query on the user's partition), then each goal's live activities oldest first.</summary>
public sealed class ExportDataHandler(IAmazonDynamoDB db, IOptions<DynamoOptions> options, ActivityIndexReader activities)
    : IRequestHandler<ExportDataQuery, IAsyncEnumerable<ExportedGoal>>
{
    public Task<IAsyncEnumerable<ExportedGoal>> Handle(ExportDataQuery q, CancellationToken cancellationToken) =>
        Task.FromResult(StreamAsync(q.UserId, cancellationToken));

    private async IAsyncEnumerable<ExportedGoal> StreamAsync(string userId, [EnumeratorCancellation] CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = options.Value.TableName,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :goal)",
            ExpressionAttributeValues = new() { [":pk"] = new(Keys.User(userId)), [":goal"] = new(Keys.GoalPrefix) },
        };
        await foreach (var page in db.QueryPagesAsync(request, ct))
        {
            foreach (var head in (page.Items ?? []).Select(GoalHeadItems.FromItem))
            {
                var list = new List<ActivityView>();
                await foreach (var (a, recordedAt, _, _) in activities.ReadAsync(userId, head.GoalId, newestFirst: false, null, ct))
                {
                    list.Add(new ActivityView(a.ActivityId, a.Value, a.OccurredAt, a.Note, recordedAt));
                }

                yield return ExportedGoal.From(head, list);
            }

        }
    }
}
