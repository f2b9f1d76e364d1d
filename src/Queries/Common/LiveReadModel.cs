using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Queries.Common;

/// <summary>The read-model version queries read from (switched by the replay tool's blue/green cut-over).</summary>
public sealed class LiveReadModel
{
    public ReadModelKeys Keys { get; set; } = ReadModelKeys.Live;
}
