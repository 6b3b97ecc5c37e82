using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Core.Ports;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Integration.Tests.Telegram;
using Omnichannel.Server.Features.Audit;
using Omnichannel.Server.Features.Quarantine;

namespace Omnichannel.Integration.Tests.Quarantine;

/// <summary>
/// A Telegram update that cannot be stored is set aside and the bot goes on with the next one, polled or by webhook,
/// also across a restart; admins list, retry and discard what was set aside.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class TelegramQuarantineTests(StoreServers servers)
{
    private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_update_the_inbox_refuses_is_quarantined_at_once_the_next_arrives_and_a_discard_is_audited()
    {
        await using var t = await TelegramHarness.StartAsync(servers);
        var admin = await t.App.SignInAsAdminAsync();
        var kim = Updates.User(5150, "Kim");
        var refusedId = t.Api.Enqueue(Updates.Text(kim, new string('x', 100_001)));
        t.Api.Enqueue(Updates.Text(kim, "the next one"));

        var conversation = await t.SingleConversationAsync();
        Assert.Equal("the next one", Assert.Single(await t.MessagesAsync(conversation.Id)).Text);
        var entry = Assert.Single(await QuarantineClient.ListAsync(admin));
        Assert.Equal(("telegram", TelegramHarness.Bot, $"{refusedId}", 1, true),
            (entry.Channel, entry.Account, entry.Item, entry.Attempts, entry.RawKept));
        Assert.StartsWith("Refused by the inbox", entry.Reason, StringComparison.Ordinal);
        await t.EventuallyAsync(async () => await t.State.GetOffsetAsync(TelegramHarness.Bot) > refusedId + 1 ? "" : null,
            "the offset past both updates");

        // Still refused on retry: the entry stays, and the answer says why.
        var retry = await admin.PostAsync($"/api/quarantine/{entry.Id}/retry", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, retry.StatusCode);
        Assert.Contains("Refused by the inbox", await retry.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/quarantine/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/quarantine/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.DeleteAsync("/api/quarantine/not:an:id")).StatusCode);
        Assert.Empty(await QuarantineClient.ListAsync(admin));
        var audit = await admin.GetFromJsonAsync<AuditPage>(
            $"/api/audit?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}");
        var discarded = Assert.Single(audit!.Entries, e => e.GetProperty("type").GetString() == "quarantine.discarded");
        Assert.Equal(entry.Id, discarded.GetProperty("quarantineId").GetString());
        Assert.False(string.IsNullOrEmpty(discarded.GetProperty("actorId").GetString()));
    }

    [Fact]
    public async Task An_update_that_keeps_failing_is_quarantined_after_three_tries_counted_across_a_restart()
    {
        await using var api = await BotApiEmulator.StartAsync();
        var blobs = TempDirectories.Create("oc-tg-blobs-");
        var workspace = StoreServers.NewWorkspace();
        for (var i = 0; i < 20; i++)
        {
            // The file server is down for this file: every try at the update fails (5xx is worth trying again).
            api.FailNext("getFile", 500, "Internal Server Error");
        }

        var lee = Updates.User(6160, "Lee");
        var poisonId = api.Enqueue(Updates.Document(lee, api.AddFile([1, 2, 3], "documents/file_9.pdf"), "a.pdf",
            "application/pdf", 3));
        await using (var first = await TelegramHarness.StartAsync(servers, workspace: workspace, api: api, blobs: blobs))
        {
            await first.EventuallyAsync(
                () => Task.FromResult(api.Calls.Any(c => c.Method == "getFile") ? "" : null), "a first failed try");
        }

        var triedBefore = api.Calls.Count(c => c.Method == "getFile");
        await using var t = await TelegramHarness.StartAsync(servers, workspace: workspace, api: api, blobs: blobs);
        var admin = await t.App.SignInAsAdminAsync();
        var entry = Assert.Single(await QuarantineClient.WaitForAsync(admin, 1, () => t.App.Time.Advance(Backoff)));
        t.Api.Enqueue(Updates.Text(lee, "still there?"));

        var conversation = await t.EventuallyAsync(async () => (await t.ConversationsAsync()).FirstOrDefault(),
            "the next update", advanceClock: Backoff);
        Assert.Equal("still there?", Assert.Single(await t.MessagesAsync(conversation.Id)).Text);
        Assert.Equal(($"{poisonId}", 3), (entry.Item, entry.Attempts));
        Assert.Contains("Internal Server Error", entry.Reason, StringComparison.Ordinal);
        // Three tries in all, the first before the restart; a try cut short by the shutdown is not counted.
        var tries = api.Calls.Count(c => c.Method == "getFile");
        Assert.InRange(triedBefore, 1, 2);
        Assert.InRange(tries, 3, 4);
        TempDirectories.Delete(blobs);
    }

    [Fact]
    public async Task An_update_that_crashed_the_server_three_times_is_set_aside_untried_and_a_retry_stores_it()
    {
        await using var t = await TelegramHarness.StartAsync(servers);
        var admin = await t.App.SignInAsAdminAsync();
        var quarantine = t.App.Services.GetRequiredService<IQuarantineStore>();
        var mo = Updates.User(7170, "Mo");
        var poison = Updates.Text(mo, "the one that crashed us");
        poison["update_id"] = 9_000;
        // What three crashes mid-update leave behind: three tries begun, none finished.
        for (var i = 0; i < 3; i++)
        {
            await quarantine.BeginAttemptAsync(new InboundItemRef("telegram", TelegramHarness.Bot, "9000"));
        }

        t.Api.Enqueue(poison);
        var next = Updates.Text(mo, "hello again");
        next["update_id"] = 9_001;
        t.Api.Enqueue(next);

        var conversation = await t.SingleConversationAsync();
        Assert.Equal("hello again", Assert.Single(await t.MessagesAsync(conversation.Id)).Text);
        var entry = Assert.Single(await QuarantineClient.ListAsync(admin));
        Assert.Equal(("9000", 3, "The server stopped while reading it."), (entry.Item, entry.Attempts, entry.Reason));

        var retry = await admin.PostAsJsonAsync<object?>($"/api/quarantine/{entry.Id}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("stored", (await retry.Content.ReadFromJsonAsync<QuarantineRetryDto>())!.Outcome);
        Assert.Equal(["the one that crashed us", "hello again"],
            (await t.MessagesAsync(conversation.Id)).Select(m => m.Text).Order(StringComparer.Ordinal).Reverse());
        Assert.Empty(await QuarantineClient.ListAsync(admin));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/quarantine/{entry.Id}/retry", null)).StatusCode);
    }

    [Fact]
    public async Task A_webhook_body_that_is_no_update_and_a_refused_update_are_quarantined_and_answered_200()
    {
        await using var t = await TelegramHarness.StartAsync(servers, webhook: true);
        var admin = await t.App.SignInAsAdminAsync();
        var client = t.App.CreateClient();

        async Task<HttpStatusCode> PostAsync(string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, TelegramHarness.WebhookPath)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", TelegramHarness.Secret);
            return (await client.SendAsync(request)).StatusCode;
        }

        var ned = Updates.User(8190, "Ned");
        var refused = Updates.Text(ned, new string('y', 100_001));
        refused["update_id"] = 41;
        var good = Updates.Text(ned, "a fine update");
        good["update_id"] = 42;

        Assert.Equal(HttpStatusCode.OK, await PostAsync("{\"update_id\": \"not a number\", \"message\": [}"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync("{\"update_id\": \"not a number\", \"message\": [}")); // redelivered
        Assert.Equal(HttpStatusCode.OK, await PostAsync(refused.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(good.ToJsonString()));

        var conversation = await t.SingleConversationAsync();
        Assert.Equal("a fine update", Assert.Single(await t.MessagesAsync(conversation.Id)).Text);
        var entries = await QuarantineClient.ListAsync(admin);
        Assert.Equal(2, entries.Count);
        var body = Assert.Single(entries, e => e.Item.StartsWith("body:", StringComparison.Ordinal));
        Assert.StartsWith("Not a Telegram update", body.Reason, StringComparison.Ordinal);
        Assert.True(body.RawKept);
        Assert.Single(entries, e => e.Item == "41" && e.Reason.StartsWith("Refused", StringComparison.Ordinal));
        _ = JsonSerializer.Serialize(entries); // the list is plain JSON, no raw bytes in it
    }
}
