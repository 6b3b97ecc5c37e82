namespace Omnichannel.Core.Articles;

/// <summary>The names of <see cref="ArticleStatus"/> in the API and the store.</summary>
public static class ArticleStatuses
{
    public const string Rule = "must be 'draft', 'published' or 'internal'.";

    public static ArticleStatus? Parse(string? name) => name switch
    {
        "draft" => ArticleStatus.Draft,
        "published" => ArticleStatus.Published,
        "internal" => ArticleStatus.Internal,
        _ => null,
    };

    public static string Name(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "draft",
        ArticleStatus.Published => "published",
        _ => "internal",
    };
}
