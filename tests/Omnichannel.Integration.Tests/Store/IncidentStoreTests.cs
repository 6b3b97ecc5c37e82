using System.Text.Json;
using Omnichannel.Core.Incidents;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using static Omnichannel.Integration.Tests.Store.StoreUnderTest;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>Incidents' store (incident_*.lua) and the reply path's named message ids, on both backends.</summary>
[Collection(StoreCollection.Name)]
public sealed class IncidentStoreTests(StoreServers servers)
{
    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Linking_is_all_or_nothing_idempotent_and_recorded_in_each_conversations_activity(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var incidents = new RedisIncidentStore(store.Connection);
        var ana = (await store.Conversations.IngestAsync(Inbound.Message("ana", "m1"), T0)).ConversationId;
        var bob = (await store.Conversations.IngestAsync(Inbound.Message("bob", "m2"), T0)).ConversationId;
        var older = NewIncident("Login outage", T0);
        var newer = NewIncident("Payments failing", T0.AddMinutes(1)) with { TrackerUrl = "https://status.example.test/1" };
        await incidents.CreateAsync(older);
        await incidents.CreateAsync(newer);

        var refused = await incidents.LinkAsync(older.Id, [ana, "nosuch"], "lead-1", T0.AddMinutes(2));
        Assert.Equal((IncidentLinkStatus.ConversationsMissing, "nosuch"), (refused.Status, Assert.Single(refused.Missing)));
        Assert.Empty((await incidents.GetAsync(older.Id))!.ConversationIds);
        Assert.Empty(await store.Audit.ReadConversationAsync(ana));

        var linked = await incidents.LinkAsync(older.Id, [ana, bob], "lead-1", T0.AddMinutes(3));
        Assert.Equal(IncidentLinkStatus.Done, linked.Status);
        Assert.Equal([ana, bob], linked.Linked.Select(l => l.ConversationId));
        Assert.All(linked.Linked, l => Assert.True(l.Sequence > 0));
        var again = await incidents.LinkAsync(older.Id, [bob], "lead-1", T0.AddMinutes(4));
        Assert.Equal(IncidentLinkStatus.Done, again.Status);
        Assert.Empty(again.Linked);

        var read = await incidents.GetAsync(older.Id);
        Assert.Equal(("Login outage", IncidentStatus.Open, "lead-1", T0), (read!.Title, read.Status, read.CreatedBy, read.CreatedAt));
        Assert.Equal([ana, bob], read.ConversationIds);
        Assert.Equal([newer.Id, older.Id], (await incidents.ListAsync()).Select(i => i.Id));
        Assert.Equal("https://status.example.test/1", (await incidents.GetAsync(newer.Id))!.TrackerUrl);
        var entry = Assert.Single(await store.Audit.ReadConversationAsync(bob));
        Assert.Equal("conversation.incident_linked", entry.Type);
        Assert.Equal(older.Id, JsonDocument.Parse(entry.Json).RootElement.GetProperty("incidentId").GetString());
        var events = await store.Conversations.ReadEventsAsync(0, 100);
        Assert.Equal(2, events.Count(e => e.Type == "conversation.incident_linked"));

        Assert.True(await incidents.UnlinkAsync(older.Id, bob, "lead-1", T0.AddMinutes(5)));
        Assert.Equal([ana], (await incidents.GetAsync(older.Id))!.ConversationIds);
        Assert.Equal("conversation.incident_unlinked", (await store.Audit.ReadConversationAsync(bob))[^1].Type);
        Assert.Empty(await JournalInterruption.CheckAsync(store));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_reply_and_the_resolve_are_recorded_once_and_a_resolved_incident_takes_no_more_links(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var incidents = new RedisIncidentStore(store.Connection);
        var ana = (await store.Conversations.IngestAsync(Inbound.Message("ana", "m1"), T0)).ConversationId;
        var incident = NewIncident("Login outage", T0);
        await incidents.CreateAsync(incident);
        await incidents.LinkAsync(incident.Id, [ana], "lead-1", T0);

        Assert.True(await incidents.RecordReplyAsync(incident.Id, "r1", [ana], "lead-1", T0.AddMinutes(1)));
        Assert.False(await incidents.RecordReplyAsync(incident.Id, "r1", [ana], "lead-1", T0.AddMinutes(2)));
        Assert.True(await incidents.ResolveAsync(incident.Id, "fixed", [ana], "lead-1", T0.AddMinutes(3)));
        Assert.False(await incidents.ResolveAsync(incident.Id, "fixed", [ana], "lead-1", T0.AddMinutes(4)));

        var resolved = await incidents.GetAsync(incident.Id);
        Assert.Equal((IncidentStatus.Resolved, T0.AddMinutes(3)), (resolved!.Status, resolved.ResolvedAt));
        Assert.Equal(["conversation.incident_linked", "incident.replied", "incident.resolved"],
            (await store.Audit.ReadConversationAsync(ana)).Select(e => e.Type));
        Assert.Equal(IncidentLinkStatus.Resolved, (await incidents.LinkAsync(incident.Id, [ana], "lead-1", T0.AddMinutes(5))).Status);
        Assert.True(await incidents.UpdateAsync(incident.Id, "Login outage (EU)", "SSO provider", null, "lead-1", T0.AddMinutes(6)));
        Assert.Equal("Login outage (EU)", (await incidents.GetAsync(incident.Id))!.Title);
        Assert.Empty(await JournalInterruption.CheckAsync(store));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_reply_with_a_named_id_is_stored_and_queued_once(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var ana = (await store.Conversations.IngestAsync(Inbound.Message("ana", "m1"), T0)).ConversationId;
        var id = IncidentReplyIds.Message("incident-1", "r1", ana);
        var reply = new OutboundMessage(ana, AuthorKind.Agent, "lead-1", "Lead", "We are on it.", false) { MessageId = id };

        var first = await store.Conversations.AppendOutboundAsync(reply, T0.AddMinutes(1));
        var second = await store.Conversations.AppendOutboundAsync(reply, T0.AddMinutes(2));

        Assert.Equal((id, false), (first!.MessageId, first.Duplicate));
        Assert.Equal((id, true, 0L), (second!.MessageId, second.Duplicate, second.EventSequence));
        Assert.Equal(2, (await store.Conversations.GetConversationAsync(ana))!.MessageCount);
        Assert.Equal(1, await store.Db.ListLengthAsync(store.Keys.Outbox(ChannelNames.Api)));
        Assert.Empty(await JournalInterruption.CheckAsync(store));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task Every_incident_write_stopped_after_any_of_its_writes_rolls_back_to_the_store_it_found(string backend)
    {
        await using var store = await OpenAsync(servers.For(backend), embedded: null, undoJournal: true);
        var incidents = new RedisIncidentStore(store.Connection);
        var ana = (await store.Conversations.IngestAsync(Inbound.Message("ana", "m1"), T0)).ConversationId;
        var bob = (await store.Conversations.IngestAsync(Inbound.Message("bob", "m2"), T0)).ConversationId;
        var incident = NewIncident("Login outage", T0) with { TrackerUrl = "https://status.example.test/1" };

        await JournalInterruption.InterruptEveryWayAsync(store, LuaScripts.IncidentCreate, incidents.CreateCall(incident));
        var linkWrites = await JournalInterruption.InterruptEveryWayAsync(store, LuaScripts.IncidentLink,
            incidents.LinkCall(incident.Id, [ana, bob], "lead-1", T0.AddMinutes(1)));
        await JournalInterruption.InterruptEveryWayAsync(store, LuaScripts.IncidentReply,
            incidents.ReplyCall(incident.Id, "r1", [ana, bob], "lead-1", T0.AddMinutes(2)));
        await JournalInterruption.InterruptEveryWayAsync(store, LuaScripts.IncidentResolve,
            incidents.ResolveCall(incident.Id, "fixed", [ana, bob], "lead-1", T0.AddMinutes(3)));

        // Two links, each with its event and activity, and the audit: one script, rolled back whole at every cut.
        Assert.True(linkWrites > 10, $"linking two conversations took only {linkWrites} writes");
        var read = await incidents.GetAsync(incident.Id);
        Assert.Equal((IncidentStatus.Resolved, 2), (read!.Status, read.ConversationIds.Count));
    }

    [Theory]
    [MemberData(nameof(StoreServers.Backends), MemberType = typeof(StoreServers))]
    public async Task A_malformed_id_reaches_no_key(string backend)
    {
        await using var store = await OpenAsync(servers, backend);
        var incidents = new RedisIncidentStore(store.Connection);

        Assert.Null(await incidents.GetAsync("x:y"));
        Assert.False(await incidents.UnlinkAsync("../x", "a", "lead-1", T0));
        Assert.False(await incidents.UpdateAsync("a b", "t", "d", null, "lead-1", T0));
        await Assert.ThrowsAsync<ArgumentException>(() => incidents.LinkAsync("ok", ["x:y"], "lead-1", T0));
    }

    private static Incident NewIncident(string title, DateTimeOffset at) =>
        new(Ids.New(), title, "", IncidentStatus.Open, at, "lead-1", null, null, []);
}
