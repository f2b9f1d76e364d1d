using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// The replay tool's tests share their own stack, so their blue/green switches and deliberately
/// corrupted read models never leak into other test classes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReplayCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "replay";
}
