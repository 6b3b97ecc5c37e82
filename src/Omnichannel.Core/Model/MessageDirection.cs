namespace Omnichannel.Core.Model;

public enum MessageDirection
{
    In,
    Out,
}
