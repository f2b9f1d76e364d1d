using Amazon.DynamoDBv2;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// The read-model versions the projector keeps current: the live one, plus any being rebuilt or
/// cut over to (blue/green). Re-read from the table's read-model config every few seconds.
/// </summary>
public sealed class ReadModelVersions(IAmazonDynamoDB db, IOptions<DynamoOptions> options, IConfiguration configuration)
{
    private readonly TimeSpan interval = TimeSpan.FromSeconds(configuration.GetValue("ReadModels:RefreshSeconds", 5.0));
    private DateTime nextRefresh = DateTime.MinValue;

    public IReadOnlyList<ReadModelKeys> Maintained { get; private set; } = [ReadModelKeys.Live];

    /// <summary>The version reads are served from: notifications follow its projection only, once.</summary>
    public ReadModelKeys Live { get; private set; } = ReadModelKeys.Live;

    public async Task RefreshIfDueAsync(CancellationToken ct)
    {
        if (DateTime.UtcNow < nextRefresh)
        {
            return;
        }

        var settings = await ReadModelConfig.GetAsync(db, options.Value.TableName, ct);
        Live = new ReadModelKeys(settings.Live);
        Maintained = settings.Maintained.Append(settings.Live).Distinct().Select(v => new ReadModelKeys(v)).ToList();
        nextRefresh = DateTime.UtcNow + interval;
    }
}
