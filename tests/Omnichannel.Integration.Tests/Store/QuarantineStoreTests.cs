using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>The quarantine's keys and scripts on both backends, with and without the undo journal.</summary>
[Collection(StoreCollection.Name)]
public sealed class QuarantineStoreTests(StoreServers servers)
{
    private static readonly InboundItemRef Mail = new("email", "support", "7:42");

    public static TheoryData<string, bool> BackendsAndJournal => new()
    {
        { StoreServers.Garnet, true },
        { StoreServers.Garnet, false },
        { StoreServers.Redis, false },
    };

    [Theory, MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Tries_add_up_across_connections_and_a_shutdown_takes_its_try_back(string backend)
    {
        await using (var first = await StoreUnderTest.OpenAsync(servers, backend))
        {
            var quarantine = new RedisQuarantine(first.Connection);
            Assert.Equal(new InboundAttempt(1, null), await quarantine.BeginAttemptAsync(Mail));
            await quarantine.RecordFailureAsync(Mail, "IOException: disk full");
            Assert.Equal(new InboundAttempt(2, "IOException: disk full"), await quarantine.BeginAttemptAsync(Mail));
            await quarantine.CancelAttemptAsync(Mail);

            // A second connection to the same workspace, as a restarted server would open.
            await using var second = new RedisConnection(
                new StoreOptions { Redis = servers.For(backend).Redis, Workspace = first.Workspace }, null);
            var again = new RedisQuarantine(second);
            Assert.Equal(new InboundAttempt(2, "IOException: disk full"), await again.BeginAttemptAsync(Mail));
            await again.EndAttemptAsync(Mail);
            Assert.Equal(new InboundAttempt(1, null), await again.BeginAttemptAsync(Mail));
        }
    }

    [Theory, MemberData(nameof(BackendsAndJournal))]
    public async Task An_item_is_quarantined_once_listed_newest_first_and_removed_with_an_audit_entry(
        string backend, bool journal)
    {
        await using var store = await StoreUnderTest.OpenAsync(servers, backend, journal);
        var quarantine = new RedisQuarantine(store.Connection);
        await quarantine.BeginAttemptAsync(Mail);
        await quarantine.RecordFailureAsync(Mail, "boom");

        var raw = "From: a@b.example\r\n\r\n\u00ff"u8.ToArray();
        var first = await quarantine.AddAsync(new NewQuarantineEntry(Mail, "boom", 3, raw, null, raw.Length), StoreUnderTest.T0);
        var twice = await quarantine.AddAsync(new NewQuarantineEntry(Mail, "other", 4, null, null, 0), StoreUnderTest.T0.AddMinutes(1));
        var update = await quarantine.AddAsync(new NewQuarantineEntry(new("telegram", "bot", "901"), "too large", 0, null,
            "2026/03/02/blob", 5_000_000), StoreUnderTest.T0.AddMinutes(2));

        Assert.Equal(first, twice);
        Assert.Equal((Mail, "boom", 3, StoreUnderTest.T0, (long)raw.Length, true, (string?)null),
            (first.Item, first.Reason, first.Attempts, first.At, first.RawBytes, first.HasInlineRaw, first.RawBlobKey));
        Assert.Equal(raw, await quarantine.GetInlineRawAsync(first.Id));
        Assert.Equal("2026/03/02/blob", update.RawBlobKey);
        Assert.Equal(new InboundAttempt(1, null), await quarantine.BeginAttemptAsync(Mail)); // tries were reset

        var page = await quarantine.ListAsync(0, 1);
        Assert.Equal([update.Id], page.Items.Select(e => e.Id));
        Assert.Equal(1, page.NextOffset);
        page = await quarantine.ListAsync(1, 1);
        Assert.Equal([first.Id], page.Items.Select(e => e.Id));
        Assert.Null(page.NextOffset);

        var removed = await quarantine.RemoveAsync(update.Id, QuarantineRemoval.Discarded, "admin-1", StoreUnderTest.T0.AddMinutes(3));
        Assert.Equal(update, removed);
        Assert.Null(await quarantine.RemoveAsync(update.Id, QuarantineRemoval.Discarded, "admin-1", StoreUnderTest.T0));
        Assert.Null(await quarantine.GetAsync(update.Id));
        Assert.Equal([first.Id], (await quarantine.ListAsync(0, 10)).Items.Select(e => e.Id));

        var audit = await store.Audit.ReadAsync(StoreUnderTest.T0.AddDays(-1), 0, 10);
        Assert.Equal(["quarantine.added", "quarantine.added", "quarantine.discarded"], audit.Select(a => a.Type));
        Assert.Contains("\"actorId\":\"admin-1\"", audit[^1].Json, StringComparison.Ordinal);
        var journals = await store.Db.ScriptEvaluateAsync("return redis.call('KEYS', ARGV[1])", [store.Keys.Journal("x")],
            [store.Keys.Prefix + "journal:*"]);
        Assert.Empty((StackExchange.Redis.RedisResult[])journals!);

        // Once out, the same item can be quarantined again (a retry that failed anew is a new entry).
        await quarantine.RemoveAsync(first.Id, QuarantineRemoval.Retried, "admin-1", StoreUnderTest.T0.AddMinutes(4));
        var back = await quarantine.AddAsync(new NewQuarantineEntry(Mail, "again", 1, null, null, 0), StoreUnderTest.T0.AddMinutes(5));
        Assert.NotEqual(first.Id, back.Id);
    }
}
