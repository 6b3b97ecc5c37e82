using Omnichannel.Core.Validation;

namespace Omnichannel.Core.CannedResponses;

/// <summary>
/// A canned response as <c>PUT /api/canned-responses/{id}</c> takes it: <c>{"shortCode", "title", "text",
/// "visibility"}</c>; <c>visibility</c> is <c>personal</c> (the default) or <c>shared</c>. The owner of a personal
/// one is whoever saves it.
/// </summary>
public sealed record CannedResponseDefinition(string? ShortCode, string? Title, string? Text, string? Visibility = null)
    : IValidatable
{
    /// <summary>Long enough for any reply worth canning, short enough to read in one go.</summary>
    public const int MaxTextLength = 4_000;

    public const int MaxTitleLength = TextRules.MaxNameLength;

    public IEnumerable<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (!ShortCodes.IsValid(ShortCode))
        {
            errors.Add(new("shortCode", ShortCodes.Rule));
        }

        errors.AddRange(TextRules.Optional("title", Title, MaxTitleLength));
        errors.AddRange(TextRules.Required("text", Text, MaxTextLength, multiline: true));
        if (ParsedVisibility is null)
        {
            errors.Add(new("visibility", "must be 'personal' or 'shared'."));
        }

        return errors;
    }

    /// <summary>The visibility named, or null when it names none (see <see cref="Validate"/>).</summary>
    public CannedResponseVisibility? ParsedVisibility => Visibility switch
    {
        null or "personal" => CannedResponseVisibility.Personal,
        "shared" => CannedResponseVisibility.Shared,
        _ => null,
    };

    /// <exception cref="RequestValidationException">
    /// The definition is not valid; see <see cref="Validate"/>.
    /// </exception>
    public CannedResponse ToResponse(string id, string authorAgentId, DateTimeOffset now)
    {
        var errors = Validate().ToList();
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var visibility = ParsedVisibility!.Value;
        return new(
            id,
            ShortCode!,
            string.IsNullOrWhiteSpace(Title) ? null : Title.Trim(),
            Text!,
            visibility,
            visibility == CannedResponseVisibility.Personal ? authorAgentId : null,
            now);
    }
}
