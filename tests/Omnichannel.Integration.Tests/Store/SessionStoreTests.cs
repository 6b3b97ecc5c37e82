using Omnichannel.Core.Model;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

[Collection(StoreCollection.Name)]
public sealed class SessionStoreTests(StoreServers servers)
{
    private static readonly TimeSpan Idle = TimeSpan.FromHours(12);

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_session_lives_for_the_idle_timeout_and_each_touch_restarts_it(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var sessions = new RedisSessionStore(store.Connection);
        var session = new AgentSession(SessionIds.New(), "ana", "Firefox", T0, T0);

        await sessions.CreateAsync(session, Idle);
        await store.Db.KeyExpireAsync(store.Keys.Session(session.Id), TimeSpan.FromHours(1));
        Assert.True(await sessions.TouchAsync(session, T0.AddMinutes(5), Idle));

        Assert.Equal(session with { LastSeenAt = T0.AddMinutes(5) }, await sessions.GetAsync(session.Id));
        var ttl = await store.Db.KeyTimeToLiveAsync(store.Keys.Session(session.Id));
        Assert.InRange(ttl!.Value, Idle - TimeSpan.FromMinutes(1), Idle);
        var indexTtl = await store.Db.KeyTimeToLiveAsync(store.Keys.AgentSessions("ana"));
        Assert.InRange(indexTtl!.Value, Idle - TimeSpan.FromMinutes(1), Idle);
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task An_agent_ends_only_their_own_sessions_and_an_ended_session_stays_ended(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var sessions = new RedisSessionStore(store.Connection);
        var laptop = new AgentSession(SessionIds.New(), "ana", "Laptop", T0, T0);
        var phone = new AgentSession(SessionIds.New(), "ana", "Phone", T0.AddMinutes(1), T0.AddMinutes(1));
        var tablet = new AgentSession(SessionIds.New(), "ana", "Tablet", T0.AddMinutes(2), T0.AddMinutes(2));
        var bos = new AgentSession(SessionIds.New(), "bo", "Bo's", T0, T0);
        foreach (var session in new[] { laptop, phone, tablet, bos })
        {
            await sessions.CreateAsync(session, Idle);
        }

        Assert.Equal([laptop, phone, tablet], await sessions.ListAsync("ana"));
        Assert.False(await sessions.DeleteAsync("ana", bos.Id));
        Assert.True(await sessions.DeleteAsync("ana", phone.Id));
        Assert.False(await sessions.DeleteAsync("ana", phone.Id));
        Assert.False(await sessions.TouchAsync(phone, T0.AddMinutes(3), Idle));
        Assert.Null(await sessions.GetAsync(phone.Id));

        Assert.Equal(1, await sessions.DeleteAllAsync("ana", laptop.Id));
        Assert.Equal([laptop], await sessions.ListAsync("ana"));
        Assert.Equal(1, await sessions.DeleteAllAsync("ana"));
        Assert.Empty(await sessions.ListAsync("ana"));
        Assert.Equal([bos], await sessions.ListAsync("bo"));
    }
}
