using Amazon.DynamoDBv2;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Projection.Sources;

/// <summary>The table: a pass starts from the goal's progress item and folds the events after it (consistent Query).</summary>
public sealed class StoredProjections(IAmazonDynamoDB db, IOptions<DynamoOptions> options) : IProjectionSource
{
    private readonly string table = options.Value.TableName;

    public async Task<GoalProjection?> LoadAsync(string userId, string goalId, ReadModelKeys keys, CancellationToken ct) =>
        await db.GetItemOrNullAsync(table, Keys.User(userId), keys.Progress(goalId), ct) is { } item ? ReadModelItems.ReadState(item) : null;

    public async Task<PassStart> StartAsync(GoalPass pass, CancellationToken ct) =>
        new(await LoadAsync(pass.UserId, pass.GoalId, pass.Keys, ct));

    public async Task<PassEvents> EventsAfterAsync(GoalPass pass, GoalProjection? before, CancellationToken ct) =>
        new(await EventReader.ReadAfterAsync(db, table, pass.UserId, pass.GoalId, before?.LastRecordedAt, ct));

    public void Projected(GoalPass pass, GoalProjection after)
    {
    }

    public void Failed(GoalPass pass)
    {
    }

    public void Forget(string userId, string goalId)
    {
    }
}
