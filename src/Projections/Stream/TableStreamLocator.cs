using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Microsoft.Extensions.Logging;

namespace Lifestyle.Projections.Stream;

/// <summary>Finds the table's current stream through DescribeTable, waiting for the table and its stream to exist.</summary>
internal sealed class TableStreamLocator(IAmazonDynamoDB dynamo, DynamoOptions table, ILogger logger, TimeProvider clock)
{
    /// <summary>The stream ARN; creates the table first when configured to (local stacks only).</summary>
    public async Task<string> WaitForStreamAsync(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var quiet = attempt % 30 != 0;
            try
            {
                if (table.CreateTableIfMissing)
                {
                    await TableSchema.EnsureAsync(dynamo, table.TableName, ct);
                }

                if (await DynamoStreamsClient.FindLatestStreamArnAsync(dynamo, table.TableName, ct) is { } arn)
                {
                    return arn;
                }

                if (!quiet)
                {
                    logger.LogWarning("Table {Table} has no stream enabled; waiting", table.TableName);
                }
            }
            catch (ResourceNotFoundException)
            {
                if (!quiet)
                {
                    logger.LogInformation("Table {Table} does not exist yet; waiting", table.TableName);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (!quiet)
                {
                    logger.LogWarning(e, "Cannot describe table {Table}; waiting", table.TableName);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
        }
    }

    /// <summary>Whether <paramref name="streamArn"/> is still the table's stream (it is not once streams went off and on).</summary>
    public async Task<bool> IsCurrentAsync(string streamArn, CancellationToken ct) =>
        await DynamoStreamsClient.FindLatestStreamArnAsync(dynamo, table.TableName, ct) == streamArn;
}
