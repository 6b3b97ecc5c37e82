using System.Diagnostics;
using System.Diagnostics.Metrics;
using Omnichannel.Core.Model;
using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Redis;

/// <summary>One multiplexer for the process, connected on first use (to the embedded store once it has started).</summary>
public sealed class RedisConnection : IAsyncDisposable
{
    /// <summary>The meter of the store's instruments: the server's own (docs/operations.md).</summary>
    public const string MeterName = "Omnichannel";

    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer;
    private readonly Histogram<double>? _scriptDuration;

    /// <param name="undoJournal">
    /// Whether scripts keep an undo journal (journal.lua); by default on the embedded store only, as Garnet can
    /// recover a script half applied and redis-server cannot.
    /// </param>
    /// <param name="meters">Where the scripts' round trips are measured; none without it (tools, tests).</param>
    public RedisConnection(StoreOptions options, EmbeddedGarnet? embedded, bool? undoJournal = null,
        IMeterFactory? meters = null)
    {
        _scriptDuration = meters?.Create(MeterName).CreateHistogram(
            "omnichannel.store.script.duration", unit: "s",
            description: "Round trip of one store script (EVAL/EVALSHA), from the call to its answer",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RoundTripBuckets });
        Keys = new RedisKeys(options.Workspace);
        EventLogCapacity = options.EventLogCapacity;
        IsEmbedded = embedded is not null;
        UndoJournal = undoJournal ?? IsEmbedded;
        _multiplexer = new(() => ConnectAsync(options, embedded));
    }

    public RedisKeys Keys { get; }

    public int EventLogCapacity { get; }

    public bool IsEmbedded { get; }

    /// <summary>Whether the scripts that support it keep an undo journal (docs/store.md, crash atomicity).</summary>
    public bool UndoJournal { get; }

    // From half a millisecond (a script on a local store) to seconds (a store under load or far away).
    private static readonly double[] RoundTripBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    public async Task<IDatabase> DatabaseAsync() => (await _multiplexer.Value).GetDatabase();

    /// <summary>
    /// The undo journal of a new operation, named after a new (time-ordered) id or the operation's own, or null
    /// when the connection keeps none.
    /// </summary>
    internal string? NewJournal(string? operationId = null) =>
        UndoJournal ? Keys.Journal(operationId ?? Ids.New()) : null;

    /// <summary>
    /// The keys of a journaled script: KEYS[1] routes the call to the workspace's slot; KEYS[2], only when there
    /// is a journal, is the operation's journal.
    /// </summary>
    internal RedisKey[] JournalKeys(string? journal) =>
        journal is null ? [Keys.EventSequence] : [Keys.EventSequence, journal];

    /// <summary>The keys and arguments of one call of a journaled script, with a new journal (null when none).</summary>
    internal (RedisKey[] Keys, RedisValue[] Args, string? Journal) JournaledCall(RedisValue[] args,
        string? operationId = null)
    {
        var journal = NewJournal(operationId);
        return (JournalKeys(journal), args, journal);
    }

    /// <summary>
    /// Runs a journaled script (journal.lua). A script that stops on an error after some of its writes leaves its
    /// journal: roll those writes back now rather than at the next start, when later operations would have built
    /// on them.
    /// </summary>
    internal async Task<RedisResult> EvaluateJournaledAsync(
        string script, (RedisKey[] Keys, RedisValue[] Args, string? Journal) call)
    {
        var db = await DatabaseAsync();
        try
        {
            return await EvaluateAsync(db, script, call.Keys, call.Args);
        }
        catch (RedisServerException) when (call.Journal is not null)
        {
            await JournalRecovery.RollBackAsync(db, call.Journal);
            throw;
        }
    }

    /// <summary>
    /// Runs a script: every script of the store goes through here (or <see cref="EvaluateJournaledAsync"/>), so its
    /// round trip is measured in one place.
    /// </summary>
    internal async Task<RedisResult> EvaluateAsync(IDatabase db, string script, RedisKey[] keys,
        RedisValue[]? args = null)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await db.ScriptEvaluateAsync(script, keys, args);
        }
        catch
        {
            outcome = "error";
            throw;
        }
        finally
        {
            _scriptDuration?.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public Task<ConnectionMultiplexer> MultiplexerAsync() => _multiplexer.Value;

    private static async Task<ConnectionMultiplexer> ConnectAsync(StoreOptions options, EmbeddedGarnet? embedded)
    {
        string connectionString;
        if (embedded is not null)
        {
            embedded.EnsureStarted();
            connectionString = embedded.ConnectionString;
        }
        else
        {
            connectionString = options.Redis!;
        }

        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "omnichannel";
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            var multiplexer = await _multiplexer.Value;
            await multiplexer.CloseAsync();
            await multiplexer.DisposeAsync();
        }
    }
}
