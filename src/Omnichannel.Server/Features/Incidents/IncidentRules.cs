using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Incidents;

/// <summary>What an incident's fields may hold, for creating and for changing one.</summary>
internal static class IncidentRules
{
    public const int MaxTrackerUrlLength = 2000;

    /// <summary>At most this many conversations in one link request (a lead links a whole outage at once).</summary>
    public const int MaxLinkedPerRequest = 500;

    public static IEnumerable<ValidationError> Validate(string? title, string? description, string? trackerUrl)
    {
        foreach (var error in TextRules.Required("title", title, TextRules.MaxNameLength))
        {
            yield return error;
        }

        foreach (var error in TextRules.Optional("description", description, TextRules.MaxMessageLength, multiline: true))
        {
            yield return error;
        }

        if (trackerUrl is not null && (trackerUrl.Length > MaxTrackerUrlLength
            || !Uri.TryCreate(trackerUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new("trackerUrl", $"must be an absolute http or https URL of at most {MaxTrackerUrlLength} characters.");
        }
    }
}
