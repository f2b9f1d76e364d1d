using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests.Erasure;

/// <summary>
/// The erasure tests share a stack of their own (DynamoDB Local, Redis, fauxqs, API, projector): they register a
/// second read-model version, run <c>replay --all</c> and restart the API, none of which may reach other classes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ErasureCollection : ICollectionFixture<NotificationStackFixture>
{
    public const string Name = "erasure";
}
