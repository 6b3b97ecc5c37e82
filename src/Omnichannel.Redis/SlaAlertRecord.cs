namespace Omnichannel.Redis;

/// <summary>An alert as sla_save.lua reads it: the kind of promise, "warning" or "breach", and when (ms).</summary>
internal sealed record SlaAlertRecord(string Kind, string Alert, long At);
