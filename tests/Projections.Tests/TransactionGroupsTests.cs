using System.Globalization;
using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Projections.Tests;

/// <summary>Passes that write at the same time share a transaction, and each still gets its own outcome (DynamoDB Local).</summary>
[Collection(StreamsCollection.Name)]
public sealed class TransactionGroupsTests(StreamsFixture fixture)
{
    private const int Passes = 20;

    [Fact]
    public async Task Passes_writing_at_the_same_time_share_transactions_and_every_item_is_written()
    {
        var table = await fixture.NewTableAsync();
        var db = SlowTransactions.Wrap(fixture.Client);
        var groups = new TransactionGroups(db);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Passes).Select(p => groups.WriteAsync(Puts(table, p, 4, version: 2), 4, CancellationToken.None)));

        Assert.All(outcomes, Assert.True);
        Assert.InRange(SlowTransactions.Count(db), 1, Passes / 2);
        Assert.Equal(Passes * 4, await CountAsync(table, version: 2));
    }

    [Fact]
    public async Task A_refused_gate_in_a_shared_transaction_refuses_only_its_own_pass()
    {
        var table = await fixture.NewTableAsync();
        await fixture.Client.PutItemAsync(table, Item(3, 0, version: 5));
        var groups = new TransactionGroups(SlowTransactions.Wrap(fixture.Client));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Passes).Select(p => groups.WriteAsync(Puts(table, p, 4, version: 2), 4, CancellationToken.None)));

        Assert.Equal(Enumerable.Range(0, Passes).Select(p => p != 3), outcomes);
        Assert.Equal((Passes - 1) * 4, await CountAsync(table, version: 2));
    }

    [Fact]
    public async Task A_bad_item_in_a_shared_transaction_fails_only_its_own_pass()
    {
        var table = await fixture.NewTableAsync();
        var groups = new TransactionGroups(SlowTransactions.Wrap(fixture.Client));
        var writes = Enumerable.Range(0, Passes).Select(p =>
        {
            var puts = Puts(table, p, 4, version: 2);
            if (p == 7)
            {
                puts[0].Put.Item[Keys.SK] = new AttributeValue(""); // an empty key: DynamoDB rejects the request
            }

            return groups.WriteAsync(puts, 4, CancellationToken.None);
        }).ToList();

        await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => writes[7]);
        Assert.All(writes.Where((_, p) => p != 7), w => Assert.True(w.Result));
        Assert.Equal((Passes - 1) * 4, await CountAsync(table, version: 2));
    }

    private static List<TransactWriteItem> Puts(string table, int pass, int items, long version) =>
        [.. Enumerable.Range(0, items).Select(i => new TransactWriteItem
        {
            Put = new Put
            {
                TableName = table,
                Item = Item(pass, i, version),
                ConditionExpression = Conditions.OlderThanV,
                ExpressionAttributeValues = new() { [":v"] = new AttributeValue { N = version.ToString(CultureInfo.InvariantCulture) } },
            },
        })];

    private static Dictionary<string, AttributeValue> Item(int pass, int i, long version) => new()
    {
        [Keys.PK] = new($"USER#pass{pass}"),
        [Keys.SK] = new($"PROGRESS#{i}"),
        ["version"] = new AttributeValue { N = version.ToString(CultureInfo.InvariantCulture) },
    };

    private async Task<int> CountAsync(string table, long version)
    {
        var scan = await fixture.Client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true });
        return scan.Items.Count(i => i["version"].N == version.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>A client whose TransactWriteItems calls take 50 ms longer (so that passes queue behind them), counted.</summary>
public class SlowTransactions : DispatchProxy
{
    private IAmazonDynamoDB inner = null!;
    private int count;

    public static IAmazonDynamoDB Wrap(IAmazonDynamoDB inner)
    {
        var proxy = Create<IAmazonDynamoDB, SlowTransactions>();
        ((SlowTransactions)(object)proxy).inner = inner;
        return proxy;
    }

    public static int Count(IAmazonDynamoDB proxy) => Volatile.Read(ref ((SlowTransactions)(object)proxy).count);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod!.Name != nameof(IAmazonDynamoDB.TransactWriteItemsAsync))
        {
            return targetMethod.Invoke(inner, args);
        }

        Interlocked.Increment(ref count);
        return SlowAsync(() => (Task<TransactWriteItemsResponse>)targetMethod.Invoke(inner, args)!);
    }

    private static async Task<TransactWriteItemsResponse> SlowAsync(Func<Task<TransactWriteItemsResponse>> call)
    {
        await Task.Delay(50);
        return await call();
    }
}
