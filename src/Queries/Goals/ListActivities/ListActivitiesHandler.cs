using Lifestyle.Domain.Goals;
using Lifestyle.Queries.Common;
using MediatR;

namespace Lifestyle.Queries.Goals.ListActivities;

public sealed class ListActivitiesHandler(ReadModelReader reader, ActivityIndexReader activities, Cursors cursors)
    : IRequestHandler<ListActivitiesQuery, ActivityList>
{
    public async Task<ActivityList> Handle(ListActivitiesQuery q, CancellationToken cancellationToken)
    {
        var scope = $"activities:{q.GoalId}";
        (string, string)? after = null;
        if (q.Cursor is not null)
        {
            var position = cursors.Decode(q.Cursor, q.UserId, scope);
            after = (position["k"], position["sk"]);
        }

        if (await reader.GetAsync(q.UserId, q.GoalId, cancellationToken) is null)
        {
            throw new GoalRuleException(GoalErrorCode.GoalNotFound, $"Goal {q.GoalId} was not found.");
        }

        var items = new List<ActivityView>();
        (string SortKey, string TableSortKey) last = ("", "");
        var more = false;
        await foreach (var (a, recordedAt, sortKey, tableSortKey) in activities.ReadAsync(q.UserId, q.GoalId, newestFirst: true, after, cancellationToken))
        {
            if (items.Count == q.Limit)
            {
                more = true;
                break;
            }

            items.Add(new ActivityView(a.ActivityId, a.Value, a.OccurredAt, a.Note, recordedAt));
            last = (sortKey, tableSortKey);
        }

        var next = more ? cursors.Encode(q.UserId, scope, new Dictionary<string, string> { ["k"] = last.SortKey, ["sk"] = last.TableSortKey }) : null;
        return new ActivityList(items, next);
    }
}
