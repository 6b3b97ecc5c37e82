namespace Omnichannel.Core.Assignment;

public static class HandoverPolicyText
{
    public static string ToText(HandoverPolicy value) => value switch
    {
        HandoverPolicy.Keep => "keep",
        HandoverPolicy.Requeue => "requeue",
        _ => "requeue-when-offline",
    };

    public static bool TryParse(string? text, out HandoverPolicy value)
    {
        (var ok, value) = text switch
        {
            "keep" => (true, HandoverPolicy.Keep),
            "requeue-when-offline" => (true, HandoverPolicy.RequeueWhenOffline),
            "requeue" => (true, HandoverPolicy.Requeue),
            _ => (false, HandoverPolicy.RequeueWhenOffline),
        };
        return ok;
    }
}
