using Omnichannel.Core.Model;

namespace Omnichannel.Core.Tests.Model;

public class IdsTests
{
    [Fact]
    public void New_ids_are_well_formed_and_distinct()
    {
        var ids = Enumerable.Range(0, 1_000).Select(_ => Ids.New()).ToList();

        Assert.All(ids, id => Assert.True(Ids.IsWellFormed(id), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("A-b_9")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void Simple_tokens_up_to_64_characters_are_well_formed(string id)
    {
        Assert.True(Ids.IsWellFormed(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a:b")]
    [InlineData("a b")]
    [InlineData("a{b}")]
    [InlineData("é")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public void Ids_that_could_break_a_redis_key_are_refused(string? id)
    {
        Assert.False(Ids.IsWellFormed(id));
    }
}
