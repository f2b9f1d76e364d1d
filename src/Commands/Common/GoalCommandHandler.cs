using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using MediatR;

namespace Lifestyle.Commands.Common;

/// <summary>
/// One goal command on the linear path (<see cref="GoalCommandService"/>): what it asks of the goal, and how it
/// answers once its events are appended. The path loads, decides (pure) and appends; the handler never sees a
/// retry, a cache or a transaction.
/// </summary>
public abstract class GoalCommandHandler<TCommand>(GoalCommandService service) : IRequestHandler<TCommand, CommandResult>
    where TCommand : IGoalCommand
{
    /// <summary>True when the goal must not exist yet (its id is the command's new one).</summary>
    public virtual bool Creates => false;

    /// <summary>201 for creations, 200 otherwise.</summary>
    public virtual int SuccessStatus => 200;

    public Task<CommandResult> Handle(TCommand request, CancellationToken cancellationToken) =>
        service.ExecuteAsync(request, this, cancellationToken);

    /// <summary>The intent, with whatever decide needs read beforehand (decide itself does no I/O).</summary>
    public abstract ValueTask<GoalIntent> IntentAsync(TCommand command, IGoalStore store, CancellationToken ct);

    public abstract CommandResponse Respond(Appended appended);
}

/// <summary>The goal after a command, and the events the command appended (none for a no-op).</summary>
public sealed record Appended(GoalState After, IReadOnlyList<EventEnvelope> Events)
{
    /// <summary>The id of the activity the command logged, when it logged one.</summary>
    public string? LoggedActivityId => Events.Select(e => e.Event).OfType<ActivityLogged>().FirstOrDefault()?.ActivityId;
}
