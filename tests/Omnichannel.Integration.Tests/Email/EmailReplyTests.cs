using System.Net.Http.Json;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Email;

/// <summary>Agents' replies leave over SMTP (Dovecot submission with AUTH, relaying to a sink) and the customer's answers thread back.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailReplyTests(MailServers mail, StoreServers stores)
{
    // xunit makes a new instance per test: each test has its own customer in the shared SMTP sink.
    private readonly string _customer = $"ana-{Guid.NewGuid():N}@cust.example";

    private static async Task<EmailMessage> WaitForDeliveryAsync(HttpClient admin, string conversationId, string messageId, string state)
    {
        EmailMessage? message = null;
        for (var i = 0; i < 200; i++)
        {
            message = (await EmailApp.MessagesAsync(admin, conversationId)).Single(m => m.Id == messageId);
            if (message.Delivery == state)
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Reply {messageId} never became {state}: {message?.Delivery} {message?.DeliveryError}");
    }

    [Fact]
    public async Task A_reply_threads_in_the_customers_client_and_their_answer_threads_back_into_the_conversation()
    {
        var user = MailServers.NewUser();
        await using var app = EmailApp.Create(mail, stores, user);
        var admin = await EmailApp.StartAsync(app);
        mail.Deliver(user, Mails.Plain($"Ana <{_customer}>", user, "Where is my parcel?", "It has been a week.", "q1@cust.example"));
        mail.Deliver(user, Mails.Plain($"Ana <{_customer}>", user, "Re: Where is my parcel?", "Any news?", "q2@cust.example", inReplyTo: "q1@cust.example", references: "<q1@cust.example>"));
        var conversation = Assert.Single(await EmailApp.WaitForMessagesAsync(admin, 2));

        var reply = await admin.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new { text = "It ships today.\n\nBest, Admin" });
        var note = await admin.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new { text = "internal only", @private = true });
        var replyId = (await reply.Content.ReadFromJsonAsync<MessageBody>())!.Id;
        await WaitForDeliveryAsync(admin, conversation.Id, replyId, "sent");

        var sent = await mail.WaitForReceivedAsync(_customer);
        Assert.Equal("q2@cust.example", sent.InReplyTo);
        Assert.Equal(["q1@cust.example", "q2@cust.example"], sent.References);
        Assert.Equal("Re: Where is my parcel?", sent.Subject);
        Assert.Equal(user, sent.From.Mailboxes.Single().Address);
        Assert.Contains("(Acme Support)", sent.From.Mailboxes.Single().Name, StringComparison.Ordinal);
        Assert.StartsWith($"oc.{conversation.Id}.{replyId}@", sent.MessageId, StringComparison.Ordinal);
        Assert.Contains("It ships today.", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>It ships today.</p>", sent.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Created, note.StatusCode);
        Assert.Single(mail.Received(_customer));

        // The agent resolves; the customer answers our reply (a client that keeps only In-Reply-To): it reopens the same conversation.
        await admin.PostAsJsonAsync($"/api/conversations/{conversation.Id}/status", new { status = "resolved" });
        mail.Deliver(user, Mails.Plain($"Ana <{_customer}>", user, "Re: Where is my parcel?", "Thanks, got it!", "q3@cust.example", inReplyTo: sent.MessageId));
        // Two mails, the reply and the note are four messages; the answer is the fifth.
        var after = Assert.Single(await EmailApp.WaitForMessagesAsync(admin, 5));
        Assert.Equal((conversation.Id, "open"), (after.Id, after.Status));
        Assert.Equal("Thanks, got it!", (await EmailApp.MessagesAsync(admin, conversation.Id))[^1].Text);
    }

    [Fact]
    public async Task Auto_replies_and_bounces_are_recorded_without_reopening_or_assigning_and_a_bounce_fails_the_reply()
    {
        var user = MailServers.NewUser();
        await using var app = EmailApp.Create(mail, stores, user);
        var admin = await EmailApp.StartAsync(app);
        // An agent on shift and online: a person's mail would be assigned to them at once.
        var agentId = await app.CreateAgentAsync(admin, "agent@example.test");
        string[] week = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        var shift = new { name = "Always", timeZone = "Europe/Berlin", periods = new[] { new { days = week, start = "00:00", end = "24:00" } }, members = new[] { agentId } };
        (await admin.PutAsJsonAsync("/api/shifts/always", shift)).EnsureSuccessStatusCode();
        var agent = await app.SignInAsync("agent@example.test", InboxApp.AgentPassword);
        (await agent.PutAsJsonAsync("/api/agents/me/availability", new { status = "online" })).EnsureSuccessStatusCode();
        mail.Deliver(user, Mails.Plain($"Ana <{_customer}>", user, "Where is my parcel?", "It has been a week.", "b1@cust.example"));
        var conversation = Assert.Single(await EmailApp.WaitForMessagesAsync(admin, 1));
        Assert.Equal(agentId, conversation.AssigneeId);
        var reply = await admin.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new { text = "It ships today." });
        var replyId = (await reply.Content.ReadFromJsonAsync<MessageBody>())!.Id;
        await WaitForDeliveryAsync(admin, conversation.Id, replyId, "sent");
        var sent = await mail.WaitForReceivedAsync(_customer);
        await admin.PostAsJsonAsync($"/api/conversations/{conversation.Id}/status", new { status = "resolved" });

        mail.Deliver(user, Mails.AutoReply($"Ana <{_customer}>", user, sent.MessageId!));
        mail.Deliver(user, Mails.Bounce(user, _customer, sent.MessageId!));
        // A newsletter nobody answered: recorded, but it starts resolved and waits for no one.
        mail.Deliver(user, Mails.Plain("news@shop.example", user, "Our offers", "Buy now.", "news1@shop.example", extraHeaders: "Precedence: bulk\r\n"));

        var conversations = await EmailApp.WaitForMessagesAsync(admin, 5);
        var same = conversations.Single(c => c.Id == conversation.Id);
        Assert.Equal((4, "resolved"), (same.MessageCount, same.Status));
        var failed = await WaitForDeliveryAsync(admin, conversation.Id, replyId, "failed");
        Assert.Contains("User unknown", failed.DeliveryError, StringComparison.Ordinal);
        var newsletter = conversations.Single(c => c.Subject == "Our offers");
        Assert.Equal(("resolved", null), (newsletter.Status, newsletter.AssigneeId));
    }
}
