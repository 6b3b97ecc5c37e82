using Omnichannel.Core.Model;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Tests.Validation;

public class InputRulesTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("l2-billing_eu")]
    [InlineData("0")]
    public void Slugs_a_lead_chooses_pass(string value) => Assert.Empty(InputRules.Slug("queue", value));

    [Theory]
    [InlineData("default:members")]
    [InlineData("Default")]
    [InlineData("default\n")]
    [InlineData("-default")]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("a b")]
    public void Anything_that_could_address_another_key_is_refused_with_the_field_named(string value) =>
        Assert.Equal("queue", Assert.Single(InputRules.Slug("queue", value)).Field);

    [Fact]
    public void A_missing_slug_is_refused_only_when_required()
    {
        Assert.Empty(InputRules.Slug("queue", null, required: false));
        Assert.Equal("is required.", Assert.Single(InputRules.Slug("queue", null)).Message);
    }

    [Fact]
    public void A_slug_list_names_the_bad_entry_and_bounds_the_count()
    {
        Assert.Equal("queues[1]", Assert.Single(InputRules.SlugList("queues", ["default", "x:y"], 50)).Field);
        Assert.Single(InputRules.SlugList("queues", [], 50));
        Assert.Single(InputRules.SlugList("queues", [.. Enumerable.Range(0, 51).Select(i => "q" + i)], 50));
        Assert.Empty(InputRules.SlugList("queues", null, 50));
    }

    [Fact]
    public void Only_named_enum_values_exist()
    {
        Assert.Empty(InputRules.Defined<AgentRole>("role", AgentRole.Lead));
        Assert.Empty(InputRules.Defined<AgentRole>("role", null));
        Assert.Contains("agent, lead, admin", Assert.Single(InputRules.Defined("role", (AgentRole?)(AgentRole)99)).Message, StringComparison.Ordinal);
    }
}
