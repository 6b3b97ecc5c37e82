using Omnichannel.Core.Assignment;
using static Omnichannel.Core.Tests.Assignment.AssignmentOracle;

namespace Omnichannel.Core.Tests.Assignment;

/// <summary>
/// What a rebalance can achieve, computed without the planner's water level: by trying every window of loads, and by
/// brute force over every way to fit the total into the agents' bounds.
/// </summary>
internal static class RebalanceOracle
{
    public sealed record Bounds(string Id, int Load, int Low, int High);

    /// <summary>
    /// On-duty agents and the loads each can end with: not below what cannot move (other queues, being typed in), and
    /// not above capacity unless already there.
    /// </summary>
    public static List<Bounds> Targets(IEnumerable<AgentLoad> loads) => loads
        .Where(l => IsOnDuty(l.Agent))
        .Select(l => new Bounds(
            l.Agent.AgentId,
            l.Agent.OpenCount,
            l.Agent.OpenCount - l.Conversations.Count(c => !c.IsBeingTypedIn),
            Math.Max(l.Agent.OpenCount, l.Agent.Capacity)))
        .ToList();

    /// <summary>The least max − min over all ways to fit the total into the bounds: try every window [m, m + d].</summary>
    public static int OptimalSpread(List<Bounds> targets)
    {
        for (var spread = 0; ; spread++)
        {
            if (Windows(targets, spread).Any())
            {
                return spread;
            }
        }
    }

    /// <summary>Fewest moves to a spread within <paramref name="spread"/>: per window, start from the current loads clamped into it and fix the total.</summary>
    public static int FewestMovesWithin(List<Bounds> targets, int spread) => Windows(targets, spread)
        .Min(window =>
        {
            var clamped = targets.Select((t, i) => Math.Clamp(t.Load, window[i].Low, window[i].High)).ToList();
            var distance = targets.Select((t, i) => Math.Abs(clamped[i] - t.Load)).Sum() + Math.Abs(targets.Sum(t => t.Load) - clamped.Sum());
            return distance / 2;
        });

    private static IEnumerable<(int Low, int High)[]> Windows(List<Bounds> targets, int spread)
    {
        var total = targets.Sum(t => t.Load);
        for (var min = 0; min <= targets.Min(t => t.High); min++)
        {
            var window = targets.Select(t => (Low: Math.Max(t.Low, min), High: Math.Min(t.High, min + spread))).ToArray();
            if (window.All(w => w.Low <= w.High) && window.Sum(w => w.Low) <= total && total <= window.Sum(w => w.High))
            {
                yield return window;
            }
        }
    }

    /// <summary>Every way to fit the total into the bounds: the least sum of squares, and the fewest moves among those.</summary>
    public static (long LeastSquares, int FewestMoves) BruteForce(List<Bounds> targets)
    {
        var total = targets.Sum(t => t.Load);
        var best = (Squares: long.MaxValue, Moves: int.MaxValue);
        var loads = new int[targets.Count];

        void Fill(int i, int left)
        {
            if (i == targets.Count)
            {
                if (left == 0)
                {
                    var squares = loads.Sum(l => (long)l * l);
                    var moves = targets.Select((t, j) => Math.Max(0, t.Load - loads[j])).Sum();
                    if (squares < best.Squares || (squares == best.Squares && moves < best.Moves))
                    {
                        best = (squares, moves);
                    }
                }

                return;
            }

            for (var load = targets[i].Low; load <= Math.Min(targets[i].High, left); load++)
            {
                loads[i] = load;
                Fill(i + 1, left - load);
            }
        }

        Fill(0, total);
        return best;
    }
}
