using Mediator;
using Omnichannel.Core.Articles;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Validation;

namespace Omnichannel.Server.Features.Articles;

/// <summary><c>PUT /api/article-categories/{id}</c> (leads and admins): creates or replaces a category.</summary>
public sealed record SaveArticleCategory(string Id, ArticleCategoryDefinition Definition)
    : IRequest<SavedArticleCategory>;

/// <summary>The category as saved, and whether this request created it.</summary>
public sealed record SavedArticleCategory(ArticleCategoryDto Category, bool Created);

/// <summary>The id and every problem of the definition, in one list.</summary>
public sealed class SaveArticleCategoryValidator : IRequestValidator<SaveArticleCategory>
{
    public ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(
        SaveArticleCategory request, CancellationToken cancellationToken)
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

public sealed class SaveArticleCategoryHandler(IArticleStore articles, TimeProvider time)
    : IRequestHandler<SaveArticleCategory, SavedArticleCategory>
{
    public async ValueTask<SavedArticleCategory> Handle(
        SaveArticleCategory request, CancellationToken cancellationToken)
    {
        var existing = await articles.GetCategoryAsync(request.Id, cancellationToken);
        var category = request.Definition.ToCategory(request.Id, time.GetUtcNow());
        await articles.SaveCategoryAsync(category, cancellationToken);
        return new(ArticleCategoryDto.From(category), existing is null);
    }
}
