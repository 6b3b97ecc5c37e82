namespace Omnichannel.Core.Sla;

/// <summary>
/// One priority's targets as the API carries them: <c>{"firstResponseMinutes": 30, "nextResponseMinutes": 60,
/// "resolutionMinutes": 480}</c>, each optional (null or left out = no promise of that kind).
/// </summary>
public sealed record SlaTargetsDefinition(int? FirstResponseMinutes, int? NextResponseMinutes, int? ResolutionMinutes);
