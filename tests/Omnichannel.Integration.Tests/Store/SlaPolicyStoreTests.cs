using System.Text.Json;
using Omnichannel.Core.Scheduling;
using Omnichannel.Core.Sla;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

[Collection(StoreCollection.Name)]
public sealed class SlaPolicyStoreTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_policy_reads_back_as_saved_and_is_listed(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var policies = new RedisSlaPolicyStore(store.Connection);
        var office = Office().ToPolicy("office");

        Assert.Null(await policies.SaveAsync(office, T0));

        AssertSame(office, await policies.GetAsync("office"));
        AssertSame(office, Assert.Single(await policies.ListAsync()));
        Assert.True(await store.Db.SetContainsAsync(store.Keys.SlaPolicies, "office"));
        using var json = JsonDocument.Parse((string)(await store.Db.StringGetAsync(store.Keys.SlaPolicy("office")))!);
        Assert.Equal(30, json.RootElement.GetProperty("definition").GetProperty("targets").GetProperty("normal").GetProperty("firstResponseMinutes").GetInt32());
        Assert.Equal(T0.ToUnixTimeMilliseconds(), json.RootElement.GetProperty("updatedAt").GetInt64());
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Saving_again_returns_the_version_replaced_and_deleting_forgets_it(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var policies = new RedisSlaPolicyStore(store.Connection);
        var before = Office().ToPolicy("office");
        var after = (Office() with { Name = "Office, no pause", PauseWhilePending = false, BusinessHours = null }).ToPolicy("office");
        await policies.SaveAsync(before, T0);
        await policies.SaveAsync(Office().ToPolicy("vip") with { Name = "VIP" }, T0);

        AssertSame(before, await policies.SaveAsync(after, T0.AddMinutes(1)));
        AssertSame(after, await policies.DeleteAsync("office"));

        Assert.Null(await policies.GetAsync("office"));
        Assert.Null(await policies.DeleteAsync("office"));
        Assert.Equal("vip", Assert.Single(await policies.ListAsync()).Id);
        Assert.False(await store.Db.SetContainsAsync(store.Keys.SlaPolicies, "office"));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_malformed_id_reaches_no_key(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var policies = new RedisSlaPolicyStore(store.Connection);

        Assert.Null(await policies.GetAsync("x:y"));
        Assert.Null(await policies.DeleteAsync("../x"));
    }

    internal static SlaPolicyDefinition Office() => new(
        "Office",
        new Dictionary<string, SlaTargetsDefinition?>
        {
            ["normal"] = new(30, 60, 480),
            ["urgent"] = new(10, null, 120),
        },
        new BusinessHoursDefinition("Europe/Berlin", [new ShiftPeriodDefinition(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "17:00")], ["2026-12-25"]),
        80,
        true);

    private static void AssertSame(SlaPolicy expected, SlaPolicy? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(JsonSerializer.Serialize(SlaPolicyDefinition.From(expected)), JsonSerializer.Serialize(SlaPolicyDefinition.From(actual)));
        Assert.Equal(expected.Id, actual.Id);
    }
}
