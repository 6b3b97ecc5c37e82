using Mediator;
using Omnichannel.Core.Articles;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Articles;

/// <summary>
/// <c>PUT /api/articles/{id}</c> (leads and admins): creates or replaces an article. A category that does not exist is
/// a 400 naming <c>category</c>; an article changed while this request decided is a 409.
/// </summary>
public sealed record SaveArticle(string Id, ArticleDefinition Definition) : IRequest<Outcome<SavedArticle>>;

/// <summary>The article as saved, and whether this request created it.</summary>
public sealed record SavedArticle(ArticleDto Article, bool Created);

/// <summary>The id and every problem of the definition, in one list.</summary>
public sealed class SaveArticleValidator : IRequestValidator<SaveArticle>
{
    public ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(SaveArticle request, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (!Slugs.IsValid(request.Id))
        {
            errors.Add(new("id", Slugs.Rule));
        }

        errors.AddRange(request.Definition.Validate());
        return ValueTask.FromResult<IReadOnlyList<ValidationError>>(errors);
    }
}

public sealed class SaveArticleHandler(IArticleStore articles, TimeProvider time)
    : IRequestHandler<SaveArticle, Outcome<SavedArticle>>
{
    public async ValueTask<Outcome<SavedArticle>> Handle(SaveArticle request, CancellationToken cancellationToken)
    {
        var existing = await articles.GetAsync(request.Id, cancellationToken);
        var article = request.Definition.ToArticle(request.Id, time.GetUtcNow());
        return await articles.SaveAsync(article, existing, cancellationToken) switch
        {
            ArticleWrite.Done => Outcome<SavedArticle>.Found(new(ArticleDto.From(article), existing is null)),
            ArticleWrite.NoCategory => throw new RequestValidationException(
                [new("category", $"no category '{article.CategoryId}': create it first (PUT /api/article-categories/{{id}}).")]),
            _ => Outcome<SavedArticle>.Conflict(
                "The article changed meanwhile.", "Someone else saved or deleted it: read it again and retry."),
        };
    }
}
