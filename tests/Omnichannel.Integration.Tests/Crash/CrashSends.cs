namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// What a channel's far end received, in order, judged against the server's restarts. A reply reaches Telegram or
/// the SMTP server and only then is its sending recorded in the store: a kill between the two (a few milliseconds)
/// leaves the store believing it unsent, and the restarted server sends it again. No peer here takes an idempotency
/// key, so that one repeat cannot be avoided; everything else that repeats is a bug. A copy counts as such a resend
/// only if the sender, which sends one reply at a time, sent nothing after it before the server was restarted, and
/// the next copy came from the restarted server.
/// </summary>
internal static class CrashSends
{
    public readonly record struct Send(string Text, DateTime At);

    /// <summary>
    /// For each text in <paramref name="sends"/>: how often it was sent, and whether every repeat is explained by a
    /// kill right after the copy before it (<paramref name="restarts"/>: when each new server was started).
    /// </summary>
    public static Dictionary<string, (int Count, bool Explained)> Judge(IReadOnlyList<Send> sends, IReadOnlyList<DateTime> restarts)
    {
        var ordered = sends.OrderBy(s => s.At).ToList();
        var result = new Dictionary<string, (int Count, bool Explained)>(StringComparer.Ordinal);
        foreach (var copies in ordered.GroupBy(s => s.Text, StringComparer.Ordinal))
        {
            var list = copies.ToList();
            var explained = true;
            for (var i = 0; i + 1 < list.Count; i++)
            {
                explained &= KilledRightAfter(list[i], list[i + 1], ordered, restarts);
            }

            result[copies.Key] = (list.Count, explained);
        }

        return result;
    }

    private static bool KilledRightAfter(Send copy, Send next, List<Send> ordered, IReadOnlyList<DateTime> restarts)
    {
        var restart = restarts.Where(r => r > copy.At).DefaultIfEmpty(DateTime.MaxValue).Min();
        return restart != DateTime.MaxValue
            && next.At > restart
            && !ordered.Any(s => s.At > copy.At && s.At < restart);
    }
}
