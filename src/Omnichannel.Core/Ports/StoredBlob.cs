namespace Omnichannel.Core.Ports;

public sealed record StoredBlob(string Key, long Size);
