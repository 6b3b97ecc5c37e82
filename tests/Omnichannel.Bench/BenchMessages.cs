using System.Globalization;

namespace Omnichannel.Bench;

/// <summary>
/// The messages of one run. Every run gets its own tag, so each one creates the same number of contacts and
/// conversations and appends the same number of messages, whatever ran before it against the same store.
/// Message i belongs to thread i mod T, written by that thread's one customer.
/// </summary>
internal sealed class BenchMessages(string runTag, int threads)
{
    // About 200 characters, like a short customer message; the index at the end keeps every text distinct.
    private const string Body =
        "Hello, my order has not arrived yet and the tracking page has shown the same status for three days now. " +
        "Could you check what happened and tell me when it will be delivered? Thanks a lot, ref ";

    public string ExternalId(int index) => string.Create(CultureInfo.InvariantCulture, $"{runTag}-m{index}");

    public string ThreadKey(int index) => string.Create(CultureInfo.InvariantCulture, $"{runTag}-t{index % threads}");

    public string Customer(int index) => string.Create(CultureInfo.InvariantCulture, $"cust-{runTag}-{index % threads}");

    public string CustomerName(int index) => string.Create(CultureInfo.InvariantCulture, $"Customer {index % threads}");

    public string Text(int index) => string.Create(CultureInfo.InvariantCulture, $"{Body}{index:D6}");
}
