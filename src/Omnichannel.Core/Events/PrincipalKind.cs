namespace Omnichannel.Core.Events;

/// <summary>What a principal may do changed (or it is gone).</summary>
public enum PrincipalKind
{
    Agent,
    Integration,
}
