using Lifestyle.Commands.EventStore;
using Lifestyle.TestSupport;
using Microsoft.Extensions.Options;
using Xunit;

namespace Lifestyle.Commands.Tests;

public sealed class InMemoryGoalStoreContract : GoalStoreContract
{
    protected override IGoalStore Store { get; } = new InMemoryGoalStore();
}

[CollectionDefinition(Name)]
public sealed class DynamoCollection : ICollectionFixture<DynamoDbLocalFixture>
{
    public const string Name = "dynamodb-local";
}

[Collection(DynamoCollection.Name)]
public sealed class DynamoGoalStoreContract(DynamoDbLocalFixture dynamo) : GoalStoreContract
{
    protected override IGoalStore Store { get; } = new DynamoGoalStore(
        dynamo.Client, Options.Create(dynamo.Options), new IdempotencyRecords(dynamo.Client, Options.Create(dynamo.Options), TimeProvider.System));
}
