using Lifestyle.Queries.Common;
using MediatR;

namespace Lifestyle.Queries.Goals.ListGoals;

/// <summary>Goals in creation order (goal ids are time-ordered), filtered by status, paged by a signed cursor.</summary>
public sealed class ListGoalsHandler(ReadModelReader reader, ParkedGoals parked, Cursors cursors, TimeProvider time)
    : IRequestHandler<ListGoalsQuery, GoalList>
{
    public async Task<GoalList> Handle(ListGoalsQuery q, CancellationToken cancellationToken)
    {
        var scope = $"goals:{q.Status}";
        var after = q.Cursor is null ? null : cursors.Decode(q.Cursor, q.UserId, scope)["after"];
        var now = time.GetUtcNow();
        var matching = (await reader.GetAllAsync(q.UserId, cancellationToken))
            .Where(g => q.Status == "all" || g.Status.ToString().Equals(q.Status, StringComparison.OrdinalIgnoreCase))
            .Where(g => after is null || string.CompareOrdinal(g.GoalId, after) > 0)
            .Take(q.Limit + 1)
            .ToList();
        var page = matching.Take(q.Limit).Select(g => GoalView.From(g, now, parked.IsParked(q.UserId, g.GoalId))).ToList();
        var next = matching.Count > q.Limit
            ? cursors.Encode(q.UserId, scope, new Dictionary<string, string> { ["after"] = page[^1].GoalId })
            : null;
        return new GoalList(page, next);
    }
}
