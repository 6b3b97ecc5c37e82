using System.Text.Json;
using Omnichannel.Core.Model;
using Omnichannel.Core.Scheduling;
using Omnichannel.Integration.Tests.Infrastructure;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

[Collection(StoreCollection.Name)]
public sealed class ShiftStoreTests(StoreServers servers)
{
    private static readonly DayOfWeek[] EveryDay =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_shift_reads_back_exactly_as_saved(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var night = Night("night", Ids.New(), Ids.New());

        var replaced = await store.Shifts.SaveAsync(night, T0);
        var stored = await store.Shifts.GetAsync("night");

        Assert.Null(replaced);
        AssertSame(night, stored);
        Assert.Null(await store.Shifts.GetAsync("day"));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task The_key_holds_the_api_definition_and_when_it_was_saved(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        await store.Shifts.SaveAsync(Night("night", "ana"), T0);

        using var json = JsonDocument.Parse((string)(await store.Db.StringGetAsync(store.Keys.Shift("night")))!);
        var root = json.RootElement;

        Assert.Equal("night", root.GetProperty("id").GetString());
        Assert.Equal(T0.ToUnixTimeMilliseconds(), root.GetProperty("updatedAt").GetInt64());
        Assert.Equal("Europe/Berlin", root.GetProperty("definition").GetProperty("timeZone").GetString());
        Assert.Equal("22:00", root.GetProperty("definition").GetProperty("periods")[0].GetProperty("start").GetString());
        Assert.Equal("24:00", root.GetProperty("definition").GetProperty("periods")[1].GetProperty("end").GetString());
        Assert.True(await store.Db.SetContainsAsync(store.Keys.Shifts, "night"));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Saving_again_replaces_the_shift_and_returns_the_version_it_replaced(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var before = Night("night", "ana", "bob");
        var after = before with
        {
            Name = "Late night",
            TimeZoneId = "America/New_York",
            Periods = [new ShiftPeriod(new HashSet<DayOfWeek> { DayOfWeek.Friday }, new TimeOnly(23, 30), new TimeSpan(7, 0, 0))],
            Exceptions = [],
            ExtraPeriods = [],
            Members = ["carla"],
        };
        await store.Shifts.SaveAsync(before, T0);

        var replaced = await store.Shifts.SaveAsync(after, T0.AddMinutes(5));

        AssertSame(before, replaced);
        AssertSame(after, await store.Shifts.GetAsync("night"));
        AssertSame(after, Assert.Single(await store.Shifts.ListAsync()));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Deleting_returns_the_removed_shift_and_forgets_it(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var night = Night("night", "ana");
        await store.Shifts.SaveAsync(night, T0);
        await store.Shifts.SaveAsync(Day("day", "bob"), T0);

        var removed = await store.Shifts.DeleteAsync("night");

        AssertSame(night, removed);
        Assert.Null(await store.Shifts.GetAsync("night"));
        Assert.Null(await store.Shifts.DeleteAsync("night"));
        Assert.False(await store.Db.KeyExistsAsync(store.Keys.Shift("night")));
        Assert.False(await store.Db.SetContainsAsync(store.Keys.Shifts, "night"));
        Assert.Equal("day", Assert.Single(await store.Shifts.ListAsync()).Id);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task The_list_holds_every_shift_ordered_by_name(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        Assert.Empty(await store.Shifts.ListAsync());
        var night = Night("night", "ana");
        var day = Day("day-berlin", "bob", "carla");
        var weekend = Day("weekend", "dan") with { Name = "Weekend", Periods = [new ShiftPeriod(new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday }, new TimeOnly(0, 0), ShiftPeriod.EndOfDay)] };
        await store.Shifts.SaveAsync(weekend, T0);
        await store.Shifts.SaveAsync(night, T0);
        await store.Shifts.SaveAsync(day, T0);

        var shifts = await store.Shifts.ListAsync();

        Assert.Equal(["day-berlin", "night", "weekend"], shifts.Select(s => s.Id));
        AssertSame(day, shifts[0]);
        AssertSame(night, shifts[1]);
        AssertSame(weekend, shifts[2]);
    }

    /// <summary>Every night across midnight plus a Monday evening to 24:00, with an exception and an extra period.</summary>
    private static Shift Night(string id, params string[] members) => new(
        id,
        "Night",
        "Europe/Berlin",
        [
            new ShiftPeriod(new HashSet<DayOfWeek>(EveryDay), new TimeOnly(22, 0), new TimeSpan(6, 0, 0)),
            new ShiftPeriod(new HashSet<DayOfWeek> { DayOfWeek.Monday }, new TimeOnly(18, 0), ShiftPeriod.EndOfDay),
        ],
        [new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 31)],
        [new ExtraPeriod(new DateTime(2026, 12, 24, 18, 0, 0), new DateTime(2026, 12, 25, 2, 30, 0))],
        members);

    private static Shift Day(string id, params string[] members) => new(
        id,
        "Day",
        "Asia/Kolkata",
        [new ShiftPeriod(new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday }, new TimeOnly(9, 15), new TimeSpan(17, 45, 0))],
        [],
        [],
        members);

    // Shift's lists compare by reference; compare what they hold.
    private static void AssertSame(Shift expected, Shift? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.Id, expected.Name, expected.TimeZoneId), (actual.Id, actual.Name, actual.TimeZoneId));
        Assert.Equal(expected.Periods.Count, actual.Periods.Count);
        foreach (var (e, a) in expected.Periods.Zip(actual.Periods))
        {
            Assert.True(e.Days.SetEquals(a.Days), $"days {string.Join(",", e.Days)} read back as {string.Join(",", a.Days)}");
            Assert.Equal((e.Start, e.End), (a.Start, a.End));
        }

        Assert.Equal(expected.Exceptions, actual.Exceptions);
        Assert.Equal(expected.ExtraPeriods, actual.ExtraPeriods);
        Assert.Equal(expected.Members, actual.Members);
    }
}
