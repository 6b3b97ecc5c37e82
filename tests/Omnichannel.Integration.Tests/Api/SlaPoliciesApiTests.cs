using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

/// <summary>The pinned SLA policy routes (issue 12, docs/sla.md).</summary>
[Collection(StoreCollection.Name)]
public sealed class SlaPoliciesApiTests(StoreServers servers) : IAsyncLifetime
{
    private readonly InboxApp _app = InboxApp.On(servers);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static object Office(string name = "Office hours") => new
    {
        name,
        targets = new Dictionary<string, object?>
        {
            ["normal"] = new { firstResponseMinutes = 30, nextResponseMinutes = 60, resolutionMinutes = 480 },
            ["urgent"] = new { firstResponseMinutes = 10, nextResponseMinutes = (int?)null, resolutionMinutes = 120 },
        },
        businessHours = new
        {
            timeZone = "Europe/Berlin",
            periods = new[] { new { days = new[] { "Mon", "Tue", "Wed", "Thu", "Fri" }, start = "09:00", end = "17:00" } },
            exceptions = new[] { "2026-12-25" },
        },
        warnAtPercent = 80,
        pauseWhilePending = true,
    };

    [Fact]
    public async Task A_policy_is_created_read_back_listed_and_a_get_answer_saves_back_unchanged()
    {
        var admin = await _app.SignInAsAdminAsync();

        var created = await admin.PutAsJsonAsync("/api/sla-policies/office", Office());
        var read = await admin.GetStringAsync("/api/sla-policies/office");
        var listed = await admin.GetFromJsonAsync<List<JsonElement>>("/api/sla-policies");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/sla-policies/office", created.Headers.Location?.OriginalString);
        using var json = JsonDocument.Parse(read);
        var root = json.RootElement;
        Assert.Equal(("office", "Office hours"), (root.GetProperty("id").GetString(), root.GetProperty("name").GetString()));
        Assert.Equal(30, root.GetProperty("targets").GetProperty("normal").GetProperty("firstResponseMinutes").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("targets").GetProperty("urgent").GetProperty("nextResponseMinutes").ValueKind);
        Assert.Equal("09:00", root.GetProperty("businessHours").GetProperty("periods")[0].GetProperty("start").GetString());
        Assert.Equal((80, true), (root.GetProperty("warnAtPercent").GetInt32(), root.GetProperty("pauseWhilePending").GetBoolean()));
        Assert.Equal("office", Assert.Single(listed!).GetProperty("id").GetString());

        var again = await admin.PutAsync("/api/sla-policies/office", new StringContent(read, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(read, await admin.GetStringAsync("/api/sla-policies/office"));
    }

    [Fact]
    public async Task Around_the_clock_is_a_null_calendar()
    {
        var admin = await _app.SignInAsAdminAsync();

        var response = await admin.PutAsJsonAsync("/api/sla-policies/always", new { name = "24/7", targets = new { urgent = new { firstResponseMinutes = 5 } }, businessHours = (object?)null });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("businessHours").ValueKind);
    }

    [Fact]
    public async Task A_bad_policy_is_refused_naming_every_field_and_nothing_is_stored()
    {
        var admin = await _app.SignInAsAdminAsync();
        var bad = new
        {
            name = "",
            targets = new Dictionary<string, object> { ["normal"] = new { firstResponseMinutes = 0 }, ["soon"] = new { } },
            businessHours = new { timeZone = "Mars/Olympus", periods = Array.Empty<object>() },
            warnAtPercent = 120,
        };

        var response = await admin.PutAsJsonAsync("/api/sla-policies/Bad:Id", bad);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<ProblemBody>())!.Errors!.Keys.Order(StringComparer.Ordinal);
        Assert.Equal(["businessHours.timeZone", "id", "name", "targets", "targets.normal.firstResponseMinutes", "warnAtPercent"], errors);
        Assert.Empty((await admin.GetFromJsonAsync<List<JsonElement>>("/api/sla-policies"))!);
    }

    [Fact]
    public async Task Agents_read_policies_while_only_leads_and_admins_change_them()
    {
        var admin = await _app.SignInAsAdminAsync();
        await _app.CreateAgentAsync(admin, "ana@example.test");
        await _app.CreateAgentAsync(admin, "lea@example.test", role: "lead");
        var agent = await _app.SignInAsync("ana@example.test", InboxApp.AgentPassword);
        var lead = await _app.SignInAsync("lea@example.test", InboxApp.AgentPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/sla-policies/office", Office())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await lead.PutAsJsonAsync("/api/sla-policies/office", Office())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/sla-policies/office")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync("/api/sla-policies/office")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync("/api/sla-policies/office")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.DeleteAsync("/api/sla-policies/office")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/api/sla-policies/office")).StatusCode);
    }

    [Fact]
    public async Task A_queue_names_its_policy_tier_and_escalation_and_keeps_them_when_left_out()
    {
        var admin = await _app.SignInAsAdminAsync();
        await admin.PutAsJsonAsync("/api/sla-policies/office", Office());
        (await admin.PutAsJsonAsync("/api/queues/l2", new { name = "Second level", tier = "L2" })).EnsureSuccessStatusCode();

        var saved = await admin.PutAsJsonAsync("/api/queues/l1", new { name = "First level", slaPolicy = "office", escalatesTo = "l2" });
        var renamed = await admin.PutAsJsonAsync("/api/queues/l1", new { name = "Level one" });
        var cleared = await admin.PutAsJsonAsync("/api/queues/l1", new { slaPolicy = "", escalatesTo = "" });

        var first = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("office", "L1", "l2"), (first.GetProperty("slaPolicy").GetString(), first.GetProperty("tier").GetString(), first.GetProperty("escalatesTo").GetString()));
        var kept = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("office", "l2"), (kept.GetProperty("slaPolicy").GetString(), kept.GetProperty("escalatesTo").GetString()));
        var none = await cleared.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (none.GetProperty("slaPolicy").ValueKind, none.GetProperty("escalatesTo").ValueKind));
        var l2 = await admin.GetFromJsonAsync<JsonElement>("/api/queues/l2");
        Assert.Equal("L2", l2.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task A_queue_naming_what_does_not_exist_is_refused_and_nothing_changes()
    {
        var admin = await _app.SignInAsAdminAsync();

        var response = await admin.PutAsJsonAsync("/api/queues/l1", new { name = "First level", slaPolicy = "nope", tier = "L4", escalatesTo = "l1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<ProblemBody>())!.Errors!.Keys.Order(StringComparer.Ordinal);
        Assert.Equal(["escalatesTo", "slaPolicy", "tier"], errors);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/queues/l1")).StatusCode);
    }

    [Fact]
    public async Task A_policy_a_queue_names_cannot_be_deleted()
    {
        var admin = await _app.SignInAsAdminAsync();
        await admin.PutAsJsonAsync("/api/sla-policies/office", Office());
        (await admin.PutAsJsonAsync("/api/queues/default", new { slaPolicy = "office" })).EnsureSuccessStatusCode();

        var refused = await admin.DeleteAsync("/api/sla-policies/office");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("default", (await refused.Content.ReadFromJsonAsync<ProblemBody>())!.Detail);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/sla-policies/office")).StatusCode);
        (await admin.PutAsJsonAsync("/api/queues/default", new { slaPolicy = "" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/sla-policies/office")).StatusCode);
    }
}
