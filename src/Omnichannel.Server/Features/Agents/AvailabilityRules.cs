using Omnichannel.Core.Assignment;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Agents;

/// <summary>The availability an agent or a lead may set.</summary>
internal static class AvailabilityRules
{
    public static IEnumerable<ValidationError> Validate(string? status) =>
        AvailabilityText.TryParse(status, out _) ? [] : [new("status", "must be 'online', 'busy' or 'offline'.")];

    /// <summary>The parsed status of a request that passed <see cref="Validate"/>.</summary>
    public static Availability Parse(string? status) =>
        AvailabilityText.TryParse(status, out var availability) ? availability : throw new RequestValidationException([.. Validate(status)]);
}
