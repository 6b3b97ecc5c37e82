namespace Omnichannel.Channels.Email.Ingest;

/// <summary>What became of one mail.</summary>
internal enum MailOutcome
{
    Stored,
    Duplicate,
    Skipped,
}
