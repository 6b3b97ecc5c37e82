using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Omnichannel.Redis;

/// <summary>
/// Keeps ASP.NET Core Data Protection keys in the store (list <c>oc:{ws}:dataprotection-keys</c>), so every
/// node of a cluster can read the cookies and visitor tokens another node issued, and restarts keep sessions.
/// </summary>
public sealed class RedisXmlRepository(RedisConnection connection) : IXmlRepository
{
    private string Key => connection.Keys.Prefix + "dataprotection-keys";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // The interface is synchronous; keys are read rarely (at start and on rotation), so blocking here is cheap.
        var db = connection.DatabaseAsync().GetAwaiter().GetResult();
        return [.. db.ListRange(Key).Select(value => XElement.Parse((string)value!))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        var db = connection.DatabaseAsync().GetAwaiter().GetResult();
        db.ListRightPush(Key, element.ToString(SaveOptions.DisableFormatting));
    }
}
