using Omnichannel.Core.CannedResponses;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using Omnichannel.Redis.Checking;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// Canned responses in the store: each write a compare-and-set on the version the caller decided on, short codes
/// unique per scope (shared, or one agent's personal ones), and the checker knowing all three keys.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class CannedResponseStoreTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_response_reads_back_as_saved_is_listed_and_the_checker_finds_nothing(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var responses = new RedisCannedResponseStore(store.Connection);
        var greeting = Shared("greeting", "gr");

        Assert.Equal(CannedResponseWrite.Done, await responses.SaveAsync(greeting, null));
        Assert.Equal(CannedResponseWrite.Done, await responses.SaveAsync(Personal("mine", "gr", "ana"), null));

        Assert.Equal(greeting, await responses.GetAsync("greeting"));
        Assert.Equal(["greeting", "mine"], (await responses.ListAsync()).Select(r => r.Id).Order());
        Assert.Empty((await new StoreChecker(store.Keys).CheckAsync(store.Db)).Findings);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_short_code_is_unique_in_its_scope_whatever_its_case(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var responses = new RedisCannedResponseStore(store.Connection);
        await responses.SaveAsync(Shared("a", "reset"), null);
        await responses.SaveAsync(Personal("b", "reset", "ana"), null);

        Assert.Equal(CannedResponseWrite.ShortCodeTaken, await responses.SaveAsync(Shared("c", "Reset"), null));
        Assert.Equal(CannedResponseWrite.ShortCodeTaken, await responses.SaveAsync(Personal("d", "RESET", "ana"), null));
        Assert.Equal(CannedResponseWrite.Done, await responses.SaveAsync(Personal("e", "reset", "bo"), null));
        Assert.Null(await responses.GetAsync("c"));
        Assert.Null(await responses.GetAsync("d"));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_new_short_code_frees_the_old_one_and_deleting_frees_both_id_and_code(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var responses = new RedisCannedResponseStore(store.Connection);
        var before = Shared("a", "old");
        await responses.SaveAsync(before, null);
        var after = before with { ShortCode = "new", UpdatedAt = T0.AddMinutes(1) };

        Assert.Equal(CannedResponseWrite.Done, await responses.SaveAsync(after, before));
        Assert.Equal(CannedResponseWrite.Done, await responses.SaveAsync(Shared("b", "old"), null));
        Assert.Equal(CannedResponseWrite.Done, await responses.DeleteAsync(after));
        Assert.Equal(CannedResponseWrite.Done, await responses.SaveAsync(Shared("c", "new"), null));

        Assert.Null(await responses.GetAsync("a"));
        Assert.Equal(["b", "c"], (await responses.ListAsync()).Select(r => r.Id).Order());
        Assert.Empty((await new StoreChecker(store.Keys).CheckAsync(store.Db)).Findings);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_write_decided_on_a_version_that_changed_writes_nothing(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var responses = new RedisCannedResponseStore(store.Connection);
        var anas = Personal("x", "hi", "ana");
        await responses.SaveAsync(anas, null);

        // Bo decided on "no such response", Ana's appeared meanwhile: Bo's create must not take it over.
        Assert.Equal(CannedResponseWrite.Changed, await responses.SaveAsync(Personal("x", "hi", "bo"), null));
        Assert.Equal(CannedResponseWrite.Changed, await responses.SaveAsync(anas with { Text = "new" }, anas with { Text = "other" }));
        Assert.Equal(CannedResponseWrite.Changed, await responses.DeleteAsync(anas with { UpdatedAt = T0.AddDays(1) }));

        Assert.Equal(anas, await responses.GetAsync("x"));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_lost_short_code_guard_is_found_by_the_checker(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var responses = new RedisCannedResponseStore(store.Connection);
        await responses.SaveAsync(Shared("a", "gr"), null);

        await store.Db.HashDeleteAsync(store.Keys.CannedShortCodes, "shared:gr");
        await store.Db.HashSetAsync(store.Keys.CannedShortCodes, "shared:zz", "gone");

        Assert.Equal(
            [("canned-code-missing", "canned:a"), ("canned-code-orphan", "canned-codes")],
            (await new StoreChecker(store.Keys).CheckAsync(store.Db)).Findings.Select(f => (f.Kind, f.Key)).Order());
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_malformed_id_reaches_no_key(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var responses = new RedisCannedResponseStore(store.Connection);

        Assert.Null(await responses.GetAsync("x:y"));
        await Assert.ThrowsAsync<ArgumentException>(() => responses.SaveAsync(Shared("../x", "hi"), null));
    }

    private static CannedResponse Shared(string id, string code) =>
        new(id, code, "Title " + id, "Hello {{contact.name}}", CannedResponseVisibility.Shared, null, T0);

    private static CannedResponse Personal(string id, string code, string owner) =>
        new(id, code, null, "Mine", CannedResponseVisibility.Personal, owner, T0);
}
