using Mediator;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Features.Articles;

/// <summary>
/// <c>DELETE /api/article-categories/{id}</c> (leads and admins): only an empty category; one that still holds
/// articles is a 409 (move or delete them first).
/// </summary>
public sealed record DeleteArticleCategory(string Id) : IRequest<Outcome<bool>>;

public sealed class DeleteArticleCategoryHandler(IArticleStore articles)
    : IRequestHandler<DeleteArticleCategory, Outcome<bool>>
{
    public async ValueTask<Outcome<bool>> Handle(DeleteArticleCategory request, CancellationToken cancellationToken)
    {
        if (!Slugs.IsValid(request.Id))
        {
            return Outcome<bool>.NotFound;
        }

        return await articles.DeleteCategoryAsync(request.Id, cancellationToken) switch
        {
            ArticleWrite.Done => Outcome<bool>.Found(true),
            ArticleWrite.CategoryInUse => Outcome<bool>.Conflict(
                "The category holds articles.", "Move its articles to another category or delete them first."),
            _ => Outcome<bool>.NotFound,
        };
    }
}
