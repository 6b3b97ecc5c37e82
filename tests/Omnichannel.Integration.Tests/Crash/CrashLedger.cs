using System.Collections.Concurrent;
using System.Diagnostics;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// What the senders were told: every inbound text a channel acknowledged (the API's 201/200, the visitor hub's
/// <c>SendAck</c>, an update the bot confirmed by polling past it, a mail in the mailbox), every reply an agent
/// tried and whether its POST was answered. Texts are unique per run, so the store and the channels' far ends can
/// be counted against it.
/// </summary>
internal sealed class CrashLedger(string run)
{
    private readonly ConcurrentDictionary<string, string> _inbound = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Reply> _replies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _targets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DateTime> _restarts = new();
    private int _acknowledged;
    private int _answered;

    /// <summary>A tag unique to this run, in every text and address it makes.</summary>
    public string Run { get; } = run;

    public IReadOnlyDictionary<string, string> Inbound => _inbound;

    public IReadOnlyDictionary<string, Reply> Replies => _replies;

    /// <summary>Inbound acknowledged by API and web chat: how far the load got.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Replies the server answered 201.</summary>
    public int RepliesAnswered => Volatile.Read(ref _answered);

    /// <summary>
    /// An inbound <paramref name="text"/> its sender was told is stored (or, for mail, handed to the mailbox).
    /// </summary>
    public void Accepted(string channel, string text)
    {
        if (_inbound.TryAdd(text, channel))
        {
            Interlocked.Increment(ref _acknowledged);
        }
    }

    /// <summary>When each server after a kill was started: what was sent before it came from the killed one.</summary>
    public IReadOnlyList<DateTime> Restarts => [.. _restarts];

    public void Restarting() => _restarts.Enqueue(DateTime.UtcNow);

    /// <summary>A conversation an agent may reply to.</summary>
    public void Target(string channel, string conversationId) => _targets.TryAdd(conversationId, channel);

    public IReadOnlyList<(string Id, string Channel)> Targets() => [.. _targets.Select(t => (t.Key, t.Value))];

    public void ReplyTried(string text, string channel, string conversationId) =>
        _replies[text] = new Reply(channel, conversationId, null);

    public void ReplyAnswered(string text, string messageId)
    {
        _replies[text] = _replies[text] with { MessageId = messageId };
        Interlocked.Increment(ref _answered);
    }

    public sealed record Reply(string Channel, string ConversationId, string? MessageId)
    {
        public bool Answered => MessageId is not null;
    }
}

/// <summary>Waiting on progress, never on the clock alone: a loaded machine is slow, not wrong.</summary>
internal static class Progress
{
    /// <summary>
    /// Polls until <paramref name="done"/>; fails only when <paramref name="measure"/> has not moved for
    /// <paramref name="stall"/>.
    /// </summary>
    public static async Task UntilAsync(
        Func<Task<bool>> done, Func<Task<long>> measure, TimeSpan stall, Func<string> what, TimeSpan? poll = null)
    {
        var last = await measure();
        var since = Stopwatch.StartNew();
        while (!await done())
        {
            var now = await measure();
            if (now != last)
            {
                last = now;
                since.Restart();
            }

            Assert.True(since.Elapsed < stall, $"no progress for {stall.TotalSeconds} s: {what()}");
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it reports success, across a server that is being killed and started:
    /// a refused or cut connection is tried again.
    /// </summary>
    public static async Task RetryAsync(Func<Task<bool>> attempt, CancellationToken abort)
    {
        while (true)
        {
            try
            {
                if (await attempt())
                {
                    return;
                }
            }
            catch (Exception ex) when (!abort.IsCancellationRequested && IsConnectionLoss(ex))
            {
                // The server is down or starting; the next attempt finds the next one.
            }

            await Task.Delay(50, abort);
        }
    }

    public static bool IsConnectionLoss(Exception ex) => ex is HttpRequestException or OperationCanceledException
        or IOException or System.Net.WebSockets.WebSocketException or System.Net.Sockets.SocketException
        // The hub client when its connection dropped; a hub refusing a send (rate limit) is tried again too.
        or InvalidOperationException or Microsoft.AspNetCore.SignalR.HubException;
}
