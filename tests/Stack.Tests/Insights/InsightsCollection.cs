using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests.Insights;

/// <summary>
/// The insights tests share a stack of their own: the template statistics count every user of the table, so the
/// populations these tests make must be the only ones there.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InsightsCollection : ICollectionFixture<NotificationStackFixture>
{
    public const string Name = "insights";
}
