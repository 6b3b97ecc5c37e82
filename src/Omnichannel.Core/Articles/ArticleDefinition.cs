using Omnichannel.Core.Model;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Articles;

/// <summary>
/// An article as <c>PUT /api/articles/{id}</c> takes it: <c>{"title", "markdown", "category", "status"}</c>.
/// <c>body</c> is accepted for <c>markdown</c> (the name issue 13 pinned); <c>markdown</c> wins when both are sent.
/// </summary>
public sealed record ArticleDefinition(
    string? Title, string? Markdown, string? Category, string? Status, string? Body = null) : IValidatable
{
    /// <summary>A long runbook fits; a pasted book does not.</summary>
    public const int MaxMarkdownLength = 100_000;

    public const int MaxTitleLength = TextRules.MaxNameLength;

    private string? Text => Markdown ?? Body;

    public IEnumerable<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        errors.AddRange(TextRules.Required("title", Title, MaxTitleLength));
        errors.AddRange(TextRules.Required("markdown", Text, MaxMarkdownLength, multiline: true));
        if (!Slugs.IsValid(Category))
        {
            errors.Add(new("category", Slugs.Rule));
        }

        if (ArticleStatuses.Parse(Status) is null)
        {
            errors.Add(new("status", ArticleStatuses.Rule));
        }

        return errors;
    }

    /// <exception cref="RequestValidationException">The definition is not valid; see <see cref="Validate"/>.</exception>
    public Article ToArticle(string id, DateTimeOffset now)
    {
        var errors = Validate().ToList();
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return new(id, Title!.Trim(), Text!, Category!, ArticleStatuses.Parse(Status)!.Value, now);
    }
}
