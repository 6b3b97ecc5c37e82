namespace Omnichannel.Core.Ports;

public enum QuarantineRemoval
{
    Retried,
    Discarded,
}
