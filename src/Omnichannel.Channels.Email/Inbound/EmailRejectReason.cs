namespace Omnichannel.Channels.Email.Inbound;

public enum EmailRejectReason
{
    /// <summary>No usable address in From, Sender or Reply-To: nobody to make a contact of or to answer.</summary>
    NoSender,
}
