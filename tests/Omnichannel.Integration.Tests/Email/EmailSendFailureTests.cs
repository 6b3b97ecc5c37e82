using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Email;

/// <summary>An SMTP server that cannot be reached is a transient failure: tried again on the schedule, then failed with the reason.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailSendFailureTests(MailServers mail, StoreServers stores)
{
    [Fact]
    public async Task An_unreachable_smtp_server_is_tried_again_and_the_reply_fails_after_the_last_attempt_with_the_reason()
    {
        var user = MailServers.NewUser();
        var customer = $"bo-{Guid.NewGuid():N}@cust.example";
        await using var app = EmailApp.Create(mail, stores, user, settings: new() { ["SmtpPort"] = ClosedPort() });
        app.Settings["Omnichannel:Channels:Email:MaxSendAttempts"] = "2";
        var admin = await EmailApp.StartAsync(app);
        mail.Deliver(user, Mails.Plain($"Bo <{customer}>", user, "Invoice", "Where is it?", "f1@cust.example"));
        var conversation = Assert.Single(await EmailApp.WaitForMessagesAsync(admin, 1));

        var clock = Stopwatch.StartNew();
        var reply = await admin.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new { text = "Attached." });
        var replyId = (await reply.Content.ReadFromJsonAsync<MessageBody>())!.Id;

        EmailMessage? message = null;
        while (message?.Delivery != "failed")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"still {message?.Delivery} after 60 s");
            await Task.Delay(100);
            message = (await EmailApp.MessagesAsync(admin, conversation.Id)).Single(m => m.Id == replyId);
        }

        // The first attempt failed at once; the second came after the first retry's 5 s.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(5), $"failed after {clock.Elapsed.TotalSeconds:0.0} s: not tried again");
        Assert.Contains("could not be reached", message.DeliveryError, StringComparison.Ordinal);
        Assert.Empty(mail.Received(customer));
    }

    private static string ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
