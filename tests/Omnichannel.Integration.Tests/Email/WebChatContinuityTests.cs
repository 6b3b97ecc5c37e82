using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Server.Channels.WebChat;

namespace Omnichannel.Integration.Tests.Email;

/// <summary>Web chat continuity over real SMTP and IMAP: a visitor who left gets the reply by email, and answering it continues the chat.</summary>
[Collection(EmailCollection.Name)]
public sealed class WebChatContinuityTests(MailServers mail, StoreServers stores)
{
    [Fact]
    public async Task A_reply_to_a_visitor_who_left_goes_by_email_and_their_emailed_answer_continues_the_chat()
    {
        var user = MailServers.NewUser();
        var visitorEmail = $"visitor-{Guid.NewGuid():N}@cust.example";
        await using var app = EmailApp.Create(mail, stores, user);
        var baseUrl = app.StartKestrel();
        var admin = await app.SignInAsAdminAsync();

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var session = (await (await http.PostAsJsonAsync("/api/webchat/sessions", new { site = "default", name = "Vera", email = visitorEmail })).Content.ReadFromJsonAsync<SessionResponse>())!;
        var visitor = new HubConnectionBuilder().WithUrl($"{baseUrl}{WebChatRegistration.VisitorHubPath}?visitor_token={Uri.EscapeDataString(session.VisitorToken)}").Build();
        await visitor.StartAsync();
        var ack = await visitor.InvokeAsync<SendAck>("Send", "c1", "Can you check my order 5512?");

        // While the widget is open the reply only goes to it.
        (await admin.PostAsJsonAsync($"/api/conversations/{ack.ConversationId}/messages", new { text = "Checking now." })).EnsureSuccessStatusCode();
        await Task.Delay(1500);
        Assert.Empty(mail.Received(visitorEmail));

        // The visitor closes the page; the next reply also goes by email.
        await visitor.DisposeAsync();
        await Task.Delay(300);
        (await admin.PostAsJsonAsync($"/api/conversations/{ack.ConversationId}/messages", new { text = "It ships tomorrow." })).EnsureSuccessStatusCode();
        var mailed = await mail.WaitForReceivedAsync(visitorEmail);
        Assert.Contains("It ships tomorrow.", mailed.TextBody, StringComparison.Ordinal);
        Assert.StartsWith($"oc.{ack.ConversationId}.", mailed.MessageId, StringComparison.Ordinal);

        // Their emailed answer lands in the same web chat conversation.
        mail.Deliver(user, Mails.Plain($"Vera <{visitorEmail}>", user, "Re: Your chat with us", "Great, thank you!", $"a-{Guid.NewGuid():N}@cust.example", inReplyTo: mailed.MessageId));
        for (var i = 0; i < 100; i++)
        {
            var messages = await EmailApp.MessagesAsync(admin, ack.ConversationId);
            if (messages.Any(m => m.Text.Contains("Great, thank you!", StringComparison.Ordinal)))
            {
                var conversation = (await EmailApp.ConversationsAsync(admin)).Single(c => c.Id == ack.ConversationId);
                Assert.Equal("webchat", conversation.Channel);
                Assert.Single(await EmailApp.ConversationsAsync(admin));

                // The typed address was only claimed; answering from that mailbox verified it.
                var contact = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(
                    $"/api/contacts/{conversation.ContactId}");
                Assert.False(contact.GetProperty("emailClaimed").GetBoolean());
                Assert.Contains(contact.GetProperty("identities").EnumerateArray(),
                    i => i.GetProperty("value").GetString() == visitorEmail && !i.GetProperty("claimed").GetBoolean());
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The emailed answer never reached the web chat conversation.");
    }
}
