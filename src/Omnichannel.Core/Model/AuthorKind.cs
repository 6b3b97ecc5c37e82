namespace Omnichannel.Core.Model;

/// <summary>Who wrote a message.</summary>
public enum AuthorKind
{
    Contact,
    Agent,
    Integration,
    System,
}
