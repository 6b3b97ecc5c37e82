using Mediator;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Events;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Sla;
using Omnichannel.Server.Assignment;

namespace Omnichannel.Server.Sla;

/// <summary>
/// Keeps every conversation's promises (docs/sla.md, "Who keeps the clocks"). One node at a time holds the lease; each
/// round it applies the event log after its cursor (customer messages, replies, status and priority changes) through
/// <see cref="SlaTimeline"/>, then fires the warnings and breaches that came due. Each write carries the cursor and the
/// versions it read, so a second keeper (a lease that changed hands mid-round) writes nothing twice: every alert fires
/// once. A breach under a policy that escalates on breach is written as owed an escalation, which the round then makes
/// (escalate.lua clears what it owes, so it happens once even across a crash).
/// </summary>
public sealed class SlaKeeper(
    ISlaStore store,
    IAssignmentStore assignments,
    SlaPolicyResolver policies,
    IPublisher publisher,
    IOptions<SlaOptions> options,
    TimeProvider time,
    ILogger<SlaKeeper> logger) : BackgroundService
{
    private const int BatchSize = 200;

    /// <summary>The actor of what the keeper does by itself (escalations on breach).</summary>
    public const string SystemActor = "system";

    /// <summary>
    /// Deadlines are fired this long after they pass, so an event written just before a deadline (a reply at 09:59:59.9)
    /// is in the log before the clock is judged without it.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    // One round at a time in this process (the timer's and a test's); across nodes the lease and the store's checks.
    private readonly SemaphoreSlim _round = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            // The first round after one interval: a starting node has nothing more urgent than its start.
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await store.HoldLeaseAsync(_node, lease, release: false, stoppingToken))
                    {
                        await RunOnceAsync(stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "SLA keeper round failed; retrying in {Interval}", interval);
                }
            }
        }
        finally
        {
            // Hand the lease on at once rather than after it runs out.
            await store.HoldLeaseAsync(_node, lease, release: true, CancellationToken.None);
        }
    }

    /// <summary>One round: the log up to now, then the due deadlines. Public so a test runs rounds without the timer.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            await RoundAsync(cancellationToken);
        }
        finally
        {
            _round.Release();
        }
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        policies.Forget();
        while (true)
        {
            var batch = await store.ReadLogAsync(BatchSize, cancellationToken);
            if (batch.Missed)
            {
                logger.LogWarning("SLA keeper fell behind the event log (cursor {Cursor}): changes trimmed from the log were not applied", batch.Cursor);
            }

            if (batch.Entries.Count == 0 || !await ApplyAsync(batch, cancellationToken) || batch.Entries.Count < BatchSize)
            {
                break;
            }
        }

        var upTo = time.GetUtcNow() - Grace;
        var due = await store.DueAsync(upTo, BatchSize, cancellationToken);
        if (due.Count > 0)
        {
            await TickAsync(due, upTo, cancellationToken);
        }

        await EscalateOwedAsync(cancellationToken);
    }

    // The breaches a policy escalates: each conversation one tier up, by the normal rules, with a private note saying why.
    private async Task EscalateOwedAsync(CancellationToken ct)
    {
        var owed = await store.EscalationsOwedAsync(BatchSize, ct);
        if (owed.Count == 0)
        {
            return;
        }

        var subjects = (await store.LoadAsync(owed, ct)).ToDictionary(s => s.ConversationId, StringComparer.Ordinal);
        foreach (var id in owed)
        {
            var breached = subjects.GetValueOrDefault(id)?.Sla?.Breaches is { Count: > 0 } kinds
                ? string.Join(", ", kinds.Select(SlaText.Describe))
                : "a target";
            var reason = $"SLA breached ({breached})";
            var note = new OutboundMessage(id, AuthorKind.System, SystemActor, "SLA", "Escalated: " + reason, IsPrivate: true);
            var outcome = await assignments.EscalateAsync(id, up: true, SystemActor, reason, note, time.GetUtcNow(), owedForBreach: true, ct);
            if (outcome is { Applied: true })
            {
                logger.LogInformation("SLA breach escalated conversation {ConversationId} to {Queue}", id, outcome.ToQueue);
                await publisher.PublishAsync(id, outcome, up: true, SystemActor, ct);
            }
            else if (outcome?.Problem is { } problem and not "not-owed")
            {
                logger.LogInformation("SLA breach of conversation {ConversationId} not escalated: {Problem}", id, problem);
            }
        }
    }

    private async Task<bool> ApplyAsync(SlaLogBatch batch, CancellationToken ct)
    {
        var relevant = batch.Entries.Where(e => e.Input is not null).ToList();
        var subjects = (await store.LoadAsync([.. relevant.Select(e => e.ConversationId).Distinct(StringComparer.Ordinal)], ct))
            .ToDictionary(s => s.ConversationId, StringComparer.Ordinal);
        var runs = new Dictionary<string, Run>(StringComparer.Ordinal);
        foreach (var entry in relevant)
        {
            if (!subjects.TryGetValue(entry.ConversationId, out var subject))
            {
                continue;
            }

            if (!runs.TryGetValue(subject.ConversationId, out var run))
            {
                runs[subject.ConversationId] = run = new Run(subject);
            }

            var policy = await policies.ForQueueAsync(subject.Queue, ct);
            run.EscalateOnBreach = policy?.EscalateOnBreach == true;
            var input = entry.Input!;
            run.Sla = SlaTimeline.Apply(run.Sla, policy, subject.Priority, run.AgentReplied, input, run.Alerts);
            run.AgentReplied |= input.Kind == SlaInputKind.AgentReply;
        }

        var writes = runs.Values.Where(r => !Equals(r.Sla, r.Subject.Sla) || r.Alerts.Count > 0).Select(r => r.ToWrite()).ToList();
        var published = await store.SaveAsync(batch.Cursor, batch.Entries[^1].Sequence, writes, time.GetUtcNow(), ct);
        if (published is null)
        {
            logger.LogInformation("SLA keeper: another node applied the log first; this round stops");
            return false;
        }

        await PublishAsync(published, ct);
        return true;
    }

    private async Task TickAsync(IReadOnlyList<string> due, DateTimeOffset upTo, CancellationToken ct)
    {
        var writes = new List<SlaWrite>();
        foreach (var subject in await store.LoadAsync(due, ct))
        {
            var run = new Run(subject);

            // A queue that no longer names a policy makes no promise: its clocks stop without firing (the event path
            // stops them when a change comes; a deadline may come first).
            var policy = await policies.ForQueueAsync(subject.Queue, ct);
            run.EscalateOnBreach = policy?.EscalateOnBreach == true;
            run.Sla = policy is null ? subject.Sla?.Withdraw(upTo) : subject.Sla?.Tick(upTo, run.Alerts);

            // Written even when nothing fired: a clock that no longer runs leaves the schedule.
            writes.Add(run.ToWrite());
        }

        if (await store.SaveAsync(null, null, writes, time.GetUtcNow(), ct) is { } published)
        {
            await PublishAsync(published, ct);
        }
    }

    private async Task PublishAsync(IReadOnlyList<SlaPublished> published, CancellationToken ct)
    {
        foreach (var p in published)
        {
            if (p.Alert is { } alert)
            {
                logger.LogInformation("SLA {Alert} on {Kind} of conversation {ConversationId}", alert.Alert, alert.Kind, p.ConversationId);
            }

            await publisher.Publish(new ConversationSlaChanged(p.ConversationId, p.Alert, p.Sequence), ct);
        }
    }

    private sealed class Run(SlaSubject subject)
    {
        public SlaSubject Subject { get; } = subject;

        public ConversationSla? Sla { get; set; } = subject.Sla;

        public bool AgentReplied { get; set; } = subject.AgentReplied;

        public List<SlaAlert> Alerts { get; } = [];

        public bool EscalateOnBreach { get; set; }

        public SlaWrite ToWrite() => new(Subject.ConversationId, Subject.Version, Sla, Alerts, SlaSummary.Differ(Subject.Sla, Sla))
        {
            Escalate = EscalateOnBreach && Alerts.Any(a => a.Alert == SlaAlertKind.Breach),
        };
    }
}
