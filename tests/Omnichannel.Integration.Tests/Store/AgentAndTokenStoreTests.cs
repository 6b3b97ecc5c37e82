using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

[Collection(StoreCollection.Name)]
public sealed class AgentAndTokenStoreTests(StoreServers servers)
{
    private const string Home = "192.0.2.1";
    private const string Stranger = "198.51.100.7";

    private static readonly LoginThrottlePolicy Policy = new(MaxFailures: 3, Window: TimeSpan.FromMinutes(15),
        Lockout: TimeSpan.FromMinutes(30), AccountSlowdownAfter: 10, AccountSlowdownCeiling: TimeSpan.FromSeconds(3));

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_email_is_taken_whatever_its_letter_case(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var ana = NewAgent("Ana@Example.com");

        Assert.True(await store.Agents.TryCreateAsync(ana));
        Assert.False(await store.Agents.TryCreateAsync(NewAgent("ana@example.COM")));
        Assert.False(await store.Agents.TryCreateAsync(NewAgent(" ana@example.com ")));

        var agents = await store.Agents.ListAsync();
        Assert.Equal(ana.Id, Assert.Single(agents).Id);
        Assert.Equal("ana@example.com", agents[0].Email);
        Assert.Equal(ana.Id, (await store.Agents.FindByEmailAsync("ANA@example.com"))?.Id);
        Assert.Equal(ana.Id, (await store.Agents.FindByEmailAsync("Ana@Example.com"))?.Id);
        Assert.True(await store.Agents.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_agent_reads_back_as_stored_and_updates_in_place(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        Assert.False(await store.Agents.AnyAsync());
        var ana = NewAgent("ana@example.com");
        await store.Agents.TryCreateAsync(ana);

        var stored = await store.Agents.GetAsync(ana.Id);
        Assert.NotNull(stored);
        Assert.Equal(ana with { Queues = [] }, stored with { Queues = [] });
        Assert.Equal(ana.Queues, stored.Queues);

        var promoted = ana with { Role = AgentRole.Lead, Capacity = 9, Queues = ["billing"], Name = "Ana L." };
        Assert.True(await store.Agents.UpdateAsync(promoted));
        var updated = await store.Agents.GetAsync(ana.Id);
        Assert.Equal((AgentRole.Lead, 9, "Ana L."), (updated!.Role, updated.Capacity, updated.Name));
        Assert.Equal(["billing"], updated.Queues);

        Assert.False(await store.Agents.UpdateAsync(NewAgent("nobody@example.com")));
        Assert.Null(await store.Agents.GetAsync(Ids.New()));
        Assert.Null(await store.Agents.FindByEmailAsync("nobody@example.com"));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Login_failures_count_up_lock_out_at_the_limit_and_clear(string backend)
    {
        await using var store = await OpenAsync(servers, backend);

        var agents = store.Agents;
        Assert.Equal(new LoginThrottle(1, null, 1),
            await agents.RecordLoginFailureAsync("Ana@Example.com", Home, T0, Policy));
        Assert.Equal(new LoginThrottle(2, null, 2),
            await agents.RecordLoginFailureAsync("ana@example.com", Home, T0.AddMinutes(1), Policy));
        Assert.Equal(new LoginThrottle(2, null, 2),
            await agents.GetLoginThrottleAsync("ANA@example.com", Home, T0.AddMinutes(1), Policy));
        var locked = await agents.RecordLoginFailureAsync("ana@example.com", Home, T0.AddMinutes(2), Policy);
        Assert.Equal(new LoginThrottle(3, T0.AddMinutes(32), 3), locked);
        Assert.True(locked.IsLockedOut(T0.AddMinutes(31)));
        Assert.False(locked.IsLockedOut(T0.AddMinutes(32)));
        Assert.Equal(new LoginThrottle(0, null, 0),
            await agents.GetLoginThrottleAsync("bob@example.com", Home, T0, Policy));

        await agents.ClearLoginFailuresAsync("ana@EXAMPLE.com", Home);

        Assert.Equal(new LoginThrottle(0, null, 3),
            await agents.GetLoginThrottleAsync("ana@example.com", Home, T0.AddMinutes(3), Policy));
        Assert.Equal(new LoginThrottle(1, null, 4),
            await agents.RecordLoginFailureAsync("ana@example.com", Home, T0.AddMinutes(3), Policy));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Failures_older_than_the_window_no_longer_count(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        await store.Agents.RecordLoginFailureAsync("ana@example.com", Home, T0, Policy);
        await store.Agents.RecordLoginFailureAsync("ana@example.com", Home, T0.AddMinutes(10), Policy);
        Assert.Equal(new LoginThrottle(0, null, 0),
            await store.Agents.GetLoginThrottleAsync("ana@example.com", Home, T0.AddMinutes(15), Policy));

        var afterWindow =
            await store.Agents.RecordLoginFailureAsync("ana@example.com", Home, T0.AddMinutes(15), Policy);

        Assert.Equal(new LoginThrottle(1, null, 1), afterWindow);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Failures_from_a_stranger_lock_only_the_stranger_and_count_for_the_email(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        for (var i = 0; i < 8; i++)
        {
            await store.Agents.RecordLoginFailureAsync("ana@example.com", Stranger, T0.AddSeconds(i), Policy);
        }

        var stranger = await store.Agents.GetLoginThrottleAsync("ana@example.com", Stranger, T0.AddMinutes(1), Policy);
        var home = await store.Agents.GetLoginThrottleAsync("ana@example.com", Home, T0.AddMinutes(1), Policy);

        Assert.Equal(new LoginThrottle(8, T0.AddSeconds(7).AddMinutes(30), 8), stranger);
        Assert.Equal(new LoginThrottle(0, null, 8), home);
        Assert.False(home.IsLockedOut(T0.AddMinutes(1)));
    }

    [Fact]
    public void The_email_wide_slowdown_doubles_from_its_threshold_up_to_the_ceiling()
    {
        Assert.Equal(TimeSpan.Zero, Policy.AccountDelay(10));
        Assert.Equal(TimeSpan.FromMilliseconds(250), Policy.AccountDelay(11));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), Policy.AccountDelay(13));
        Assert.Equal(TimeSpan.FromSeconds(3), Policy.AccountDelay(15));
        Assert.Equal(TimeSpan.FromSeconds(3), Policy.AccountDelay(int.MaxValue));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Api_tokens_are_created_read_listed_oldest_first_and_deleted(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var crm = new ApiToken(Ids.New(), "CRM", [ApiScopes.Inbound], "hash-1", "admin-1", T0);
        var reports = new ApiToken(Ids.New(), "Reports", [ApiScopes.ConversationsRead, ApiScopes.Inbound], "hash-2", "admin-1", T0.AddMinutes(1));
        await store.Tokens.CreateAsync(reports);
        await store.Tokens.CreateAsync(crm);

        var read = await store.Tokens.GetAsync(reports.Id);
        Assert.NotNull(read);
        Assert.Equal((reports.Name, reports.SecretHash, reports.CreatedBy, reports.CreatedAt), (read.Name, read.SecretHash, read.CreatedBy, read.CreatedAt));
        Assert.Equal(reports.Scopes, read.Scopes);
        Assert.Equal([crm.Id, reports.Id], (await store.Tokens.ListAsync()).Select(t => t.Id));

        Assert.True(await store.Tokens.DeleteAsync(crm.Id));
        Assert.False(await store.Tokens.DeleteAsync(crm.Id));
        Assert.Null(await store.Tokens.GetAsync(crm.Id));
        Assert.Equal([reports.Id], (await store.Tokens.ListAsync()).Select(t => t.Id));
    }

    private static Agent NewAgent(string email) =>
        new(Ids.New(), email, "Ana", AgentRole.Agent, 5, ["default", "billing"], "password-hash", "stamp-1", T0);
}
