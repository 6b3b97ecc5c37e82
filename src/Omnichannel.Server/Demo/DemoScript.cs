using Omnichannel.Core.Model;

namespace Omnichannel.Server.Demo;

/// <summary>The demo workspace's conversations: every channel, threads, notes, replies, L2, resolved and waiting ones.</summary>
internal static class DemoScript
{
    public static IReadOnlyList<DemoConversation> Conversations { get; } =
    [
        new(ChannelNames.Email, IdentityKinds.Email, "maria.lopez@example.com", "María López", "Invoice 2026-1187 charged twice",
            ["Hello, my card was charged twice for invoice 2026-1187 this morning. Can you refund one of them?", "Attaching the bank statement line: 2 × 49.00 EUR on 26 Nov."],
            Agent: "Ana", Note: "Payment provider shows one capture and one pending authorisation; the pending one drops in 3 days.",
            Reply: "Hi María, thanks for the details. Only one payment was captured; the second is a pending authorisation that your bank releases within 3 days. Nothing to refund."),
        new(ChannelNames.Telegram, IdentityKinds.Telegram, "500100200", "Tomás", null,
            ["hi, the app logs me out every few minutes since the update", "iPhone 15, iOS 19.1"], Agent: "Ben",
            Reply: "Thanks Tomás! Could you tell me the app version (Settings → About)?"),
        new(ChannelNames.WebChat, IdentityKinds.WebVisitor, "visitor-7f3a", "Visitor 7f3a", null,
            ["Do you ship to Norway?"], Agent: "Cleo", Reply: "Yes, we ship to Norway in 3–5 working days.", Resolved: true),
        new(ChannelNames.Api, IdentityKinds.Api, "crm-88121", "Jonas Becker", "Order #88121 stuck in 'processing'",
            ["Order #88121 has been in processing for 4 days."], Agent: "Dev",
            Note: "Warehouse says the parcel left yesterday; tracking not synced yet."),
        new(ChannelNames.Email, IdentityKinds.Email, "ops@northwind.example", "Northwind Ops", "API returns 502 for bulk export",
            ["Since 02:10 UTC our bulk export calls get 502 after ~30 s.", "Still failing, this blocks our nightly sync."],
            Queue: "l2", Agent: "Finn", Note: "Likely the export timeout change from Tuesday's deploy; checking the proxy logs."),
        new(ChannelNames.Telegram, IdentityKinds.Telegram, "500100377", "Aiko", null, ["Can I change the delivery address of my order?"]),
        new(ChannelNames.Email, IdentityKinds.Email, "p.novak@example.org", "Petr Novák", "Cancel subscription",
            ["Please cancel my subscription at the end of this billing period."]),
        new(ChannelNames.WebChat, IdentityKinds.WebVisitor, "visitor-19bd", "Visitor 19bd", null, ["Is there a student discount?"]),
        new(ChannelNames.Email, IdentityKinds.Email, "li.wei@example.com", "Li Wei", "Password reset email never arrives",
            ["I requested a reset three times, nothing in inbox or spam."], Agent: "Eli",
            Reply: "Hi Li, our mail provider had a delay overnight; I've sent a fresh link just now.", Resolved: true),
        new(ChannelNames.Api, IdentityKinds.Api, "crm-90017", "Greta Olsen", "Warranty claim for blender B-200",
            ["The motor stopped after 5 months. Warranty claim please."], Queue: "l2"),
    ];
}
