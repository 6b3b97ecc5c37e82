namespace Omnichannel.Core.Assignment;

public static class QueuePolicyText
{
    public static string ToText(QueuePolicy value) => value == QueuePolicy.Balanced ? "balanced" : "round-robin";

    public static bool TryParse(string? text, out QueuePolicy value)
    {
        (var ok, value) = text switch
        {
            "round-robin" => (true, QueuePolicy.RoundRobin),
            "balanced" => (true, QueuePolicy.Balanced),
            _ => (false, QueuePolicy.RoundRobin),
        };
        return ok;
    }
}
