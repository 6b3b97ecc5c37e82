using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Articles;

/// <summary>A category as <c>PUT /api/article-categories/{id}</c> takes it: <c>{"name", "position"}</c>.</summary>
public sealed record ArticleCategoryDefinition(string? Name, int? Position = null) : IValidatable
{
    public const int MaxPosition = 10_000;

    public IEnumerable<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        errors.AddRange(TextRules.Required("name", Name, TextRules.MaxNameLength));
        if (Position is < 0 or > MaxPosition)
        {
            errors.Add(new("position", $"must be from 0 to {MaxPosition}."));
        }

        return errors;
    }

    /// <exception cref="RequestValidationException">The definition is not valid; see <see cref="Validate"/>.</exception>
    public ArticleCategory ToCategory(string id, DateTimeOffset now)
    {
        var errors = Validate().ToList();
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return new(id, Name!.Trim(), Position ?? 0, now);
    }
}
