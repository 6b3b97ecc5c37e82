using Omnichannel.Core.Incidents;

namespace Omnichannel.Core.Tests.Incidents;

public class IncidentKeywordsTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_titles_keywords_are_its_lowercased_words_of_three_letters_or_more_without_stop_words()
    {
        Assert.Equal(["login", "outage", "eu2"], IncidentKeywords.Of("Login OUTAGE in the EU2 (down!)"));
    }

    [Theory]
    [InlineData("Hello, LOGIN does not work", -10, true)]
    [InlineData("my login broke", 48 * 60, true)]
    [InlineData("my login broke", 48 * 60 + 1, false)]
    [InlineData("loginpage is slow", 0, false)]
    [InlineData("nothing related", 0, false)]
    public void A_customer_message_matches_when_it_uses_a_keyword_within_48_hours_of_the_incident(string text, int minutesAfter, bool matches)
    {
        var found = IncidentKeywords.Matches(IncidentKeywords.Of("Login outage"), Created, text, Created.AddMinutes(minutesAfter));

        Assert.Equal(matches, found.Count > 0);
    }
}
