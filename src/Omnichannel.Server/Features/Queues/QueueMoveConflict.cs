using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Queues;

/// <summary>A move or rebalance the store refused as a whole because the queue changed under it.</summary>
internal static class QueueMoveConflict
{
    public static Outcome<MovesResponse> From(MoveOutcome outcome) =>
        Outcome<MovesResponse>.Conflict("The move no longer holds; nothing was moved.", $"{outcome.ConflictId}: {outcome.Problem}");
}
