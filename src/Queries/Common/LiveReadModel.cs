using Amazon.DynamoDBv2;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Queries.Common;

/// <summary>
/// The read-model version queries read from. Re-read from the table's read-model config in the
/// background every few seconds, so the replay tool's <c>switch</c> takes effect without a restart.
/// </summary>
public sealed class LiveReadModel(IAmazonDynamoDB db, IOptions<DynamoOptions> options, IConfiguration configuration, ILogger<LiveReadModel> log)
{
    private readonly TimeSpan interval = TimeSpan.FromSeconds(configuration.GetValue("ReadModels:RefreshSeconds", 5.0));
    private ReadModelKeys current = ReadModelKeys.Live;
    private long nextRefreshTicks;
    private int refreshing;

    public ReadModelKeys Keys
    {
        get
        {
            if (DateTime.UtcNow.Ticks >= Interlocked.Read(ref nextRefreshTicks) && Interlocked.Exchange(ref refreshing, 1) == 0)
            {
                _ = RefreshAsync();
            }

            return Volatile.Read(ref current);
        }
    }

    public async Task RefreshAsync()
    {
        try
        {
            var settings = await ReadModelConfig.GetAsync(db, options.Value.TableName, CancellationToken.None);
            if (settings.Live != current.Version)
            {
                log.LogInformation("Reads switch to read-model version {Version}", settings.Live);
                Volatile.Write(ref current, new ReadModelKeys(settings.Live));
            }
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            log.LogWarning("Could not read the read-model config: {Error}", e.Message);
        }
        finally
        {
            Interlocked.Exchange(ref nextRefreshTicks, (DateTime.UtcNow + interval).Ticks);
            Interlocked.Exchange(ref refreshing, 0);
        }
    }
}
