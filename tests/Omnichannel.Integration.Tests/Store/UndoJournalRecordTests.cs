using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using static Omnichannel.Integration.Tests.Store.JournalInterruption;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>
/// The undo journal for the small records the stores keep with an index or an expiry: shifts and web chat sites
/// with their sets, uploads taken for a reply, a conversation's viewers; each stopped after every one of its writes
/// and rolled back to exactly the store it found, expiries included.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class UndoJournalRecordTests(JournalStoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_shift_or_site_saved_or_deleted_stopped_after_any_of_its_writes_is_rolled_back(string backend)
    {
        await using var store = await OpenJournaledAsync(backend);
        var sites = new RedisSiteStore(store.Connection);
        await store.Shifts.SaveAsync(Night("day", "ana"), T0);

        // New, replaced, deleted: the shift and its listing (already there when replaced).
        Assert.Equal(2, await InterruptEveryWayAsync(store, LuaScripts.ShiftSave,
            store.Shifts.SaveCall(Night("night", "ana"), T0)));
        Assert.Equal(1, await InterruptEveryWayAsync(store, LuaScripts.ShiftSave,
            store.Shifts.SaveCall(Night("night", "ana", "bob"), T0.AddMinutes(1))));
        Assert.Equal(2, await InterruptEveryWayAsync(store, LuaScripts.ShiftDelete, store.Shifts.DeleteCall("day")));
        Assert.Equal(["night"], (await store.Shifts.ListAsync()).Select(s => s.Id));

        Assert.Equal(2, await InterruptEveryWayAsync(store, LuaScripts.SiteSave,
            sites.SaveCall(Site("shop", "Shop"), createOnly: true)));
        Assert.Equal(1, await InterruptEveryWayAsync(store, LuaScripts.SiteSave,
            sites.SaveCall(Site("shop", "Our shop"), createOnly: false)));
        Assert.Equal("Our shop", (await sites.GetAsync("shop"))!.Title);
        Assert.False(await sites.SaveAsync(Site("shop", "Taken"), createOnly: true));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Uploads_taken_stopped_after_any_of_their_writes_come_back_with_their_expiry(string backend)
    {
        await using var store = await OpenJournaledAsync(backend);
        var uploads = new RedisUploadStore(store.Connection);
        var files = Enumerable.Range(0, 3)
            .Select(i => new AttachmentInfo(Ids.New(), $"f{i}.pdf", "application/pdf", 100 + i, $"blob/{i}"))
            .ToList();
        foreach (var file in files)
        {
            await uploads.SaveAsync("c1", "ana", file, TimeSpan.FromDays(1));
        }

        var ids = files.Select(f => f.Id).ToList();
        Assert.Equal(3, await InterruptEveryWayAsync(store, LuaScripts.UploadTake,
            uploads.TakeCall("c1", "ana", ids)));
        Assert.Null(await uploads.TakeAsync("c1", "ana", ids));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_viewer_change_stopped_after_any_of_its_writes_is_rolled_back(string backend)
    {
        await using var store = await OpenJournaledAsync(backend);
        var viewers = new RedisViewerStore(store.Connection);
        await viewers.SetAsync("c1", "hub-old", new ViewerEntry("hub-old", "bob", "Bob", false), T0);

        // Three minutes later Bob's entry is past its time: Ana's entry, the expiry, Bob's pruned.
        var later = T0.AddMinutes(3);
        Assert.Equal(3, await InterruptEveryWayAsync(store, LuaScripts.Viewers,
            viewers.SetCall("c1", "hub-ana", new ViewerEntry("hub-ana", "ana", "Ana", true), later)));
        // Ana leaves: her entry was the last, so the key goes and comes back with its expiry.
        Assert.Equal(1, await InterruptEveryWayAsync(store, LuaScripts.Viewers,
            viewers.SetCall("c1", "hub-ana", null, later)));
        Assert.False(await store.Db.KeyExistsAsync(store.Keys.Prefix + "viewers:c1"));
    }

    private async Task<StoreUnderTest> OpenJournaledAsync(string backend) =>
        await OpenAsync(servers.For(backend), embedded: null, undoJournal: true);

    private static Shift Night(string id, params string[] members) => new(
        id,
        "Night",
        "Europe/Berlin",
        [new ShiftPeriod(new HashSet<DayOfWeek> { DayOfWeek.Monday }, new TimeOnly(22, 0), new TimeSpan(6, 0, 0))],
        [],
        [],
        members);

    private static Site Site(string key, string title) => new(key, title, "Hi", "#123456", "right", "optional",
        "optional", ["https://shop.example.test"], "support", null, "Back soon", "secret", T0, T0);
}
