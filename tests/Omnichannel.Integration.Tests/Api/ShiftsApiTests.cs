using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

[Collection(StoreCollection.Name)]
public sealed class ShiftsApiTests : IAsyncLifetime
{
    /// <summary>Monday 2030-01-07 12:00 UTC, 13:00 in Berlin: between two nights.</summary>
    private static readonly DateTimeOffset MondayNoon = new(2030, 1, 7, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] EveryDay = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private readonly InboxApp _app;

    public ShiftsApiTests(StoreServers servers)
    {
        _app = InboxApp.On(servers);
        // Before anyone signs in: cookies are issued on this clock.
        _app.Time.SetUtcNow(MondayNoon);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_documented_night_shift_is_created_read_back_and_listed()
    {
        var admin = await _app.SignInAsAdminAsync();
        var agentId = await _app.CreateAgentAsync(admin, "ana@example.test");

        var created = await admin.PutAsJsonAsync("/api/shifts/night", Night(agentId));
        var body = await created.Content.ReadFromJsonAsync<ShiftBody>();
        var read = await admin.GetFromJsonAsync<ShiftBody>("/api/shifts/night");
        var listed = await admin.GetFromJsonAsync<List<ShiftBody>>("/api/shifts");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/shifts/night", created.Headers.Location?.OriginalString);
        foreach (var shift in new[] { body, read, Assert.Single(listed!) })
        {
            Assert.NotNull(shift);
            Assert.Equal(("night", "Night", "Europe/Berlin"), (shift.Id, shift.Name, shift.TimeZone));
            var period = Assert.Single(shift.Periods);
            Assert.Equal(EveryDay, period.Days);
            Assert.Equal(("22:00", "06:00"), (period.Start, period.End));
            Assert.Equal(["2026-12-25"], shift.Exceptions);
            Assert.Empty(shift.ExtraPeriods);
            Assert.Equal([agentId], shift.Members);
        }
    }

    [Fact]
    public async Task Saving_an_existing_shift_replaces_it_and_answers_200()
    {
        var admin = await _app.SignInAsAdminAsync();
        var ana = await _app.CreateAgentAsync(admin, "ana@example.test");
        var bob = await _app.CreateAgentAsync(admin, "bob@example.test");
        await admin.PutAsJsonAsync("/api/shifts/night", Night(ana));

        var replaced = await admin.PutAsJsonAsync("/api/shifts/night", new
        {
            name = "Late",
            timeZone = "Asia/Kolkata",
            periods = new[] { new { days = new[] { "Sat" }, start = "18:00", end = "24:00" } },
            extraPeriods = new[] { new { start = "2030-01-01T09:00", end = "2030-01-02T09:00" } },
            members = new[] { bob },
        });
        var read = await admin.GetFromJsonAsync<ShiftBody>("/api/shifts/night");

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(("Late", "Asia/Kolkata"), (read!.Name, read.TimeZone));
        Assert.Equal(("18:00", "24:00"), (read.Periods[0].Start, read.Periods[0].End));
        Assert.Empty(read.Exceptions);
        Assert.Equal([new ExtraPeriodBody("2030-01-01T09:00", "2030-01-02T09:00")], read.ExtraPeriods);
        Assert.Equal([bob], read.Members);
        Assert.Single(await admin.GetFromJsonAsync<List<ShiftBody>>("/api/shifts") ?? []);
    }

    [Fact]
    public async Task A_deleted_shift_is_gone()
    {
        var admin = await _app.SignInAsAdminAsync();
        await admin.PutAsJsonAsync("/api/shifts/night", Night());

        var deleted = await admin.DeleteAsync("/api/shifts/night");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/shifts/night")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/shifts/night")).StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<List<ShiftBody>>("/api/shifts"))!);
    }

    [Fact]
    public async Task A_bad_definition_is_refused_naming_every_field_at_fault_and_nothing_is_stored()
    {
        var admin = await _app.SignInAsAdminAsync();
        var ana = await _app.CreateAgentAsync(admin, "ana@example.test");

        var response = await admin.PutAsJsonAsync("/api/shifts/Night", new
        {
            name = "Night",
            timeZone = "Mars/Olympus_Mons",
            periods = new[] { new { days = new[] { "Mon" }, start = "7:00", end = "25:00" } },
            members = new[] { ana, "no-such-agent" },
        });
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["id", "members[1]", "periods[0].end", "periods[0].start", "timeZone"], problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["no agent with this id."], problem.Errors["members[1]"]);
        Assert.Empty((await admin.GetFromJsonAsync<List<ShiftBody>>("/api/shifts"))!);
    }

    [Theory]
    [InlineData("Night")]
    [InlineData("-night")]
    [InlineData("night.shift")]
    [InlineData("night%0A")]
    [InlineData("n12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task A_shift_id_must_be_a_lowercase_slug(string id)
    {
        var admin = await _app.SignInAsAdminAsync();

        var response = await admin.PutAsJsonAsync($"/api/shifts/{id}", Night());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["id"], (await response.Content.ReadFromJsonAsync<ProblemBody>())!.Errors!.Keys);
    }

    [Fact]
    public async Task An_unknown_member_is_refused_by_position()
    {
        var admin = await _app.SignInAsAdminAsync();

        var response = await admin.PutAsJsonAsync("/api/shifts/night", Night("0198c2d5a1b27c3e8f9a0b1c2d3e4f50"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["no agent with this id."], (await response.Content.ReadFromJsonAsync<ProblemBody>())!.Errors!["members[0]"]);
    }

    [Fact]
    public async Task Agents_read_shifts_while_only_leads_and_admins_change_them()
    {
        var admin = await _app.SignInAsAdminAsync();
        await _app.CreateAgentAsync(admin, "ana@example.test");
        await _app.CreateAgentAsync(admin, "lea@example.test", role: "lead");
        var agent = await _app.SignInAsync("ana@example.test", InboxApp.AgentPassword);
        var lead = await _app.SignInAsync("lea@example.test", InboxApp.AgentPassword);

        var createdByLead = await lead.PutAsJsonAsync("/api/shifts/night", Night());

        Assert.Equal(HttpStatusCode.Created, createdByLead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/shifts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/shifts/night")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/shifts/night", Night())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/shifts/day", Night())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync("/api/shifts/night")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync("/api/shifts/night")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/api/shifts/day")).StatusCode);
    }

    [Fact]
    public async Task Neither_anonymous_callers_nor_api_tokens_see_shifts()
    {
        var admin = await _app.SignInAsAdminAsync();
        await admin.PutAsJsonAsync("/api/shifts/night", Night());
        var anonymous = _app.CreateClient();
        var token = await _app.TokenClientAsync(admin, "inbound", "conversations:read");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/shifts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/shifts/night")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/shifts/night", Night())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync("/api/shifts/night")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync("/api/shifts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync("/api/shifts/night")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.PutAsJsonAsync("/api/shifts/night", Night())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.DeleteAsync("/api/shifts/night")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/shifts/night")).StatusCode);
    }

    [Fact]
    public async Task On_now_and_next_change_follow_the_server_clock()
    {
        var admin = await _app.SignInAsAdminAsync();
        var night = new
        {
            name = "Night",
            timeZone = "Europe/Berlin",
            periods = new[] { new { days = EveryDay, start = "22:00", end = "06:00" } },
            exceptions = new[] { "2030-01-08" },
        };
        await admin.PutAsJsonAsync("/api/shifts/night", night);

        // Monday 13:00 in Berlin (UTC+1): off until 22:00.
        var afternoon = await admin.GetFromJsonAsync<ShiftBody>("/api/shifts/night");
        _app.Time.Advance(TimeSpan.FromHours(10));
        // Monday 23:00: on until Tuesday 06:00; Tuesday's own night is an exception, which does not cut this one short.
        var night23 = await admin.GetFromJsonAsync<ShiftBody>("/api/shifts/night");
        var listed = Assert.Single(await admin.GetFromJsonAsync<List<ShiftBody>>("/api/shifts") ?? []);

        Assert.Equal((false, new DateTimeOffset(2030, 1, 7, 21, 0, 0, TimeSpan.Zero)), (afternoon!.OnNow, afternoon.NextChange));
        Assert.Equal((true, new DateTimeOffset(2030, 1, 8, 5, 0, 0, TimeSpan.Zero)), (night23!.OnNow, night23.NextChange));
        Assert.Equal((true, night23.NextChange), (listed.OnNow, listed.NextChange));
    }

    [Fact]
    public async Task A_shift_that_never_changes_has_no_next_change()
    {
        var admin = await _app.SignInAsAdminAsync();
        await admin.PutAsJsonAsync("/api/shifts/always", new
        {
            name = "Always",
            timeZone = "UTC",
            periods = new[] { new { days = EveryDay, start = "00:00", end = "24:00" } },
        });
        await admin.PutAsJsonAsync("/api/shifts/never", new { name = "Never", timeZone = "UTC", periods = Array.Empty<object>() });

        var json = await admin.GetStringAsync("/api/shifts");
        var shifts = await admin.GetFromJsonAsync<List<ShiftBody>>("/api/shifts");

        Assert.Equal([("always", true, (DateTimeOffset?)null), ("never", false, null)], shifts!.Select(s => (s.Id, s.OnNow, s.NextChange)));
        Assert.Contains("\"nextChange\":null", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_change_is_published_and_counted()
    {
        var factory = _app.Services.GetRequiredService<IMeterFactory>();
        long changes = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this app's meter: other test apps run side by side with their own.
            if (instrument.Name == "omnichannel.shift.changes" && instrument.Meter.Scope == factory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref changes, value));
        listener.Start();
        var admin = await _app.SignInAsAdminAsync();

        await admin.PutAsJsonAsync("/api/shifts/night", Night());
        await admin.PutAsJsonAsync("/api/shifts/night", Night());
        await admin.DeleteAsync("/api/shifts/night");
        await admin.PutAsJsonAsync("/api/shifts/Bad", Night());
        await admin.DeleteAsync("/api/shifts/night");

        Assert.Equal(3, Interlocked.Read(ref changes));
    }

    /// <summary>The example from docs/shifts.md.</summary>
    private static object Night(params string[] members) => new
    {
        name = "Night",
        timeZone = "Europe/Berlin",
        periods = new[] { new { days = EveryDay, start = "22:00", end = "06:00" } },
        exceptions = new[] { "2026-12-25" },
        members,
    };

    private sealed record ShiftBody(
        string Id,
        string Name,
        string TimeZone,
        List<PeriodBody> Periods,
        List<string> Exceptions,
        List<ExtraPeriodBody> ExtraPeriods,
        List<string> Members,
        bool OnNow,
        DateTimeOffset? NextChange);

    private sealed record PeriodBody(List<string> Days, string Start, string End);

    private sealed record ExtraPeriodBody(string Start, string End);
}
