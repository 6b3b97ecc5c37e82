using Omnichannel.Core.Ports;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>Reads the flattened change lists the assignment scripts return: { conv, from, to, reason, seq, ... }.</summary>
internal static class AssignmentChanges
{
    public static IReadOnlyList<AssignmentChange> Parse(RedisResult result)
    {
        if (result.IsNull)
        {
            return [];
        }

        return Parse((RedisResult[])result!, 0);
    }

    /// <summary>The changes listed from <paramref name="start"/> on, after a script's other answers.</summary>
    public static IReadOnlyList<AssignmentChange> Parse(RedisResult[] values, int start)
    {
        var changes = new List<AssignmentChange>(values.Length / 5);
        for (var i = start; i + 4 < values.Length; i += 5)
        {
            changes.Add(new AssignmentChange((string)values[i]!, OrNull(values[i + 1]), OrNull(values[i + 2]), (string)values[i + 3]!, (long)values[i + 4]));
        }

        return changes;
    }

    private static string? OrNull(RedisResult value) => (string?)value is { Length: > 0 } text ? text : null;
}
