using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Lifestyle.Infrastructure.Dynamo;

/// <summary>The one pagination loop: every Query and Scan that reads more than a page goes through here.</summary>
public static class TablePages
{
    /// <summary>The request's pages in order, following <c>LastEvaluatedKey</c> (the request's start key is advanced in place).</summary>
    public static async IAsyncEnumerable<QueryResponse> QueryPagesAsync(
        this IAmazonDynamoDB db, QueryRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        do
        {
            var page = await db.QueryAsync(request, ct);
            yield return page;
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);
    }

    /// <summary>Every item the query matches, page after page.</summary>
    public static async IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryItemsAsync(
        this IAmazonDynamoDB db, QueryRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in db.QueryPagesAsync(request, ct))
        {
            foreach (var item in page.Items ?? [])
            {
                yield return item;
            }
        }
    }
}
