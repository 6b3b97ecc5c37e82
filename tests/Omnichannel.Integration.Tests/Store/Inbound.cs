using Omnichannel.Core.Inbound;
using Omnichannel.Core.Model;

namespace Omnichannel.Integration.Tests.Store;

/// <summary>Customer messages as a channel adapter would hand them to the store.</summary>
internal static class Inbound
{
    public const string Account = "acme";

    /// <summary>A message on the API channel from <paramref name="sender"/> (an <c>api</c> identity).</summary>
    public static InboundMessage Message(string sender, string externalId, string? thread = null, string queue = "default", string? text = null) => new()
    {
        Channel = ChannelNames.Api,
        Account = Account,
        ExternalId = externalId,
        Sender = new ContactIdentity(IdentityKinds.Api, sender),
        SenderName = sender,
        Text = text ?? $"Message {externalId} from {sender}",
        ThreadKey = thread,
        Queue = queue,
    };
}
