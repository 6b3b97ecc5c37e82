using MimeKit;
using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Crash;

/// <summary>
/// The counts after a crash run, against the ledger: every accepted inbound stored once, every stored reply sent
/// once on its channel (and none that was not stored), no conversation in two agents' lists, and <c>check</c>
/// (the server's own command, on the same configuration) finding nothing. Findings are collected, not thrown one at
/// a time, so a failing run says everything it saw.
/// </summary>
internal sealed class CrashVerdict(
    CrashLedger ledger, StoreReader reader, IReadOnlyList<HttpClient> agents, IReadOnlyList<CrashSends.Send> telegramSent,
    IReadOnlyList<(DateTime At, MimeMessage Message)> mailed, IReadOnlyDictionary<string, string> settings)
{
    private const int Shown = 15;
    private readonly List<string> _findings = [];
    private readonly List<string> _resent = [];

    public IReadOnlyList<string> Findings => _findings;

    /// <summary>Replies sent twice because the server was killed between the peer's answer and its record.</summary>
    public IReadOnlyList<string> Resent => _resent;

    public async Task<IReadOnlyList<string>> JudgeAsync()
    {
        var conversations = await reader.ConversationsAsync();
        var messages = new List<StoreReader.Message>();
        foreach (var conversation in conversations)
        {
            messages.AddRange(await reader.MessagesAsync(conversation.Id));
        }

        Inbound(messages.Where(m => m.Direction == "in").ToList());
        Outbound(messages.Where(m => m is { Direction: "out", Private: false }).ToList());
        await AssignedOnceAsync(conversations);
        var (code, report) = await ServerProcess.RunCommandAsync(["check"], settings);
        if (code != 0)
        {
            _findings.Add($"check exited {code}:{Environment.NewLine}{report}");
        }

        return _findings;
    }

    private void Inbound(List<StoreReader.Message> stored)
    {
        var counts = stored.GroupBy(m => m.Text.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Report("inbound accepted but not stored",
            ledger.Inbound.Keys.Where(t => !counts.ContainsKey(t)).Select(t => $"{ledger.Inbound[t]}: {t}"));
        Report("inbound stored more than once",
            counts.Where(c => c.Value > 1).Select(c => $"{c.Key} ×{c.Value}"));
        Report("inbound stored that no sender sent",
            counts.Keys.Where(t => t.Contains(ledger.Run, StringComparison.Ordinal) && !ledger.Inbound.ContainsKey(t)));
    }

    private void Outbound(List<StoreReader.Message> stored)
    {
        var byText = stored.Where(m => m.Text.Contains(ledger.Run, StringComparison.Ordinal))
            .GroupBy(m => m.Text, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Report("reply stored more than once", byText.Where(r => r.Value.Count > 1).Select(r => r.Key));
        Report("reply answered 201 but not stored",
            ledger.Replies.Where(r => r.Value.Answered && !byText.ContainsKey(r.Key)).Select(r => r.Key));
        Report("reply not delivered", byText.Values.SelectMany(v => v)
            .Where(m => m.Delivery is not ("sent" or "delivered"))
            .Select(m => $"{m.Text}: {m.Delivery} {m.DeliveryError}"));
        var restarts = ledger.Restarts;
        var telegram = CrashSends.Judge(telegramSent, restarts);
        var email = CrashSends.Judge(MailedReplies(), restarts);
        foreach (var (text, reply) in ledger.Replies)
        {
            var expected = byText.ContainsKey(text) ? 1 : 0;
            var (sent, explained) = reply.Channel switch
            {
                ChannelNames.Email => email.GetValueOrDefault(text),
                ChannelNames.Telegram => telegram.GetValueOrDefault(text),
                _ => (expected, true), // web chat: pushed to the visitor's hub from the store; its delivery is checked above
            };
            if (expected == 1 && sent > 1 && explained)
            {
                _resent.Add($"{text} ({reply.Channel})");
            }
            else if (sent != expected)
            {
                _findings.Add($"reply {(expected == 1 ? "stored" : "not stored")} was sent {sent} times: {text}");
            }
        }
    }

    // Each reply mail under the reply's text, which opens its body; what follows (a quote of the thread) may hold
    // earlier replies.
    private List<CrashSends.Send> MailedReplies() =>
    [
        .. mailed.SelectMany(m => ledger.Replies.Keys
            .Where(text => StartsWithLine(m.Message.TextBody, text))
            .Select(text => new CrashSends.Send(text, m.At))),
    ];

    private async Task AssignedOnceAsync(List<StoreReader.Conversation> conversations)
    {
        var lists = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            foreach (var mine in await reader.ConversationsAsync("mine", agent))
            {
                lists[mine.Id] = lists.GetValueOrDefault(mine.Id) + 1;
            }
        }

        Report("conversation in two agents' lists", lists.Where(l => l.Value > 1).Select(l => l.Key));
        var assigned = conversations.Count(c => c.AssigneeId is not null);
        if (assigned == 0)
        {
            _findings.Add("no conversation was assigned: the run did not exercise assignment");
        }
    }

    private void Report(string what, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
        {
            _findings.Add($"{what} ({list.Count}): {string.Join("; ", list.Take(Shown))}");
        }
    }

    // A reply mail opens with the reply's text; what follows (a quote of the thread) may hold earlier replies.
    private static bool StartsWithLine(string? body, string text)
    {
        var trimmed = body?.TrimStart() ?? "";
        return trimmed.StartsWith(text, StringComparison.Ordinal)
            && (trimmed.Length == text.Length || char.IsWhiteSpace(trimmed[text.Length]));
    }
}
