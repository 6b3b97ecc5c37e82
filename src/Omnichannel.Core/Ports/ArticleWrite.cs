namespace Omnichannel.Core.Ports;

/// <summary>What a write to the knowledge base did.</summary>
public enum ArticleWrite
{
    Done,

    /// <summary>The stored article is no longer the one expected (changed or deleted meanwhile): nothing written.</summary>
    Changed,

    /// <summary>The article names a category that does not exist: nothing written.</summary>
    NoCategory,

    /// <summary>The category still holds articles: not deleted.</summary>
    CategoryInUse,
}
