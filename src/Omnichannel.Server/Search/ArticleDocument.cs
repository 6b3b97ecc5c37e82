using Lucene.Net.Documents;
using Omnichannel.Core.Articles;
using Omnichannel.Server.Features.Articles;

namespace Omnichannel.Server.Search;

/// <summary>
/// An article as the search index holds it, in the conversations' text fields so one query ranks both: the title as
/// the subject (weighs double), the text without its Markdown as the body. Its id is <c>article:{id}</c> (no
/// conversation id has a ':'), and <see cref="Kind"/> marks it so every article can be replaced at once.
/// </summary>
public static class ArticleDocument
{
    public const string Kind = "kind";
    public const string ArticleKind = "article";
    public const string IdPrefix = "article:";

    public static Document Build(Article article) =>
    [
        new StringField(ConversationDocument.Id, IdPrefix + article.Id, Field.Store.YES),
        new StringField(Kind, ArticleKind, Field.Store.NO),
        new NumericDocValuesField(ConversationDocument.Activity, article.UpdatedAt.ToUnixTimeMilliseconds()),
        new Int64Field(ConversationDocument.ActivityRange, article.UpdatedAt.ToUnixTimeMilliseconds(), Field.Store.NO),
        new TextField(ConversationDocument.Subject, article.Title, Field.Store.YES),
        new TextField(ConversationDocument.Body, OneLine(ArticleRenderer.ToPlainText(article.Markdown)), Field.Store.YES),
    ];

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
