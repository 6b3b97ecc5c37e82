namespace Omnichannel.Core.Sla;

public static class PriorityText
{
    public static IReadOnlyList<Priority> All { get; } = [Priority.Low, Priority.Normal, Priority.High, Priority.Urgent];

    public static string ToText(this Priority priority) => priority switch
    {
        Priority.Low => "low",
        Priority.Normal => "normal",
        Priority.High => "high",
        Priority.Urgent => "urgent",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };

    /// <summary>Reads exactly one of <c>low</c>, <c>normal</c>, <c>high</c>, <c>urgent</c> (no other spelling).</summary>
    public static bool TryParse(string? text, out Priority priority)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(text, candidate.ToText(), StringComparison.Ordinal))
            {
                priority = candidate;
                return true;
            }
        }

        priority = default;
        return false;
    }
}
