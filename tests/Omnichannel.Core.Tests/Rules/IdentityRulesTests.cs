using Omnichannel.Core.Model;
using Omnichannel.Core.Rules;
using Omnichannel.Core.Validation;

namespace Omnichannel.Core.Tests.Rules;

public class IdentityRulesTests
{
    private const string Field = "contact.identifier";

    [Fact]
    public void An_email_address_is_trimmed_and_lowercased()
    {
        var normalized = IdentityRules.Normalize(new ContactIdentity("email", "  Ana.Silva@Example.COM \t"));

        Assert.Equal(new ContactIdentity("email", "ana.silva@example.com"), normalized);
    }

    [Fact]
    public void The_same_address_typed_two_ways_normalizes_to_one_identity()
    {
        var typedOnce = IdentityRules.Normalize(new ContactIdentity("email", "Bo@Example.test"));
        var typedAgain = IdentityRules.Normalize(new ContactIdentity("email", " bo@example.TEST"));

        Assert.Equal(typedOnce, typedAgain);
    }

    [Fact]
    public void The_kind_is_trimmed_and_lowercased()
    {
        var normalized = IdentityRules.Normalize(new ContactIdentity(" EMAIL ", "Ana@Example.test"));

        Assert.Equal(new ContactIdentity("email", "ana@example.test"), normalized);
    }

    [Theory]
    [InlineData("telegram", " AnaTG ", "AnaTG")]
    [InlineData("api", "CRM-Customer-55", "CRM-Customer-55")]
    [InlineData("webchat", "Visitor-AbC", "Visitor-AbC")]
    public void Values_of_other_kinds_are_trimmed_but_keep_their_case(string kind, string value, string expected)
    {
        var normalized = IdentityRules.Normalize(new ContactIdentity(kind, value));

        Assert.Equal(new ContactIdentity(kind, expected), normalized);
    }

    [Theory]
    [InlineData("email", "ana@example.test")]
    [InlineData("email", "Ana@Example.test")]
    [InlineData("email", " ana@example.test ")]
    [InlineData("telegram", "123456789")]
    [InlineData("api", "crm-55")]
    [InlineData("web-visitor", "v-1")]
    public void A_well_formed_identity_has_no_errors(string kind, string value)
    {
        Assert.Empty(IdentityRules.Validate(Field, new ContactIdentity(kind, value)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_value_is_required(string value)
    {
        var error = Assert.Single(IdentityRules.Validate(Field, new ContactIdentity("api", value)));

        Assert.Equal(new ValidationError(Field, "is required."), error);
    }

    [Fact]
    public void A_value_longer_than_an_identifier_is_rejected()
    {
        var atLimit = new string('x', TextRules.MaxIdentifierLength);

        Assert.Empty(IdentityRules.Validate(Field, new ContactIdentity("api", atLimit)));
        var error = Assert.Single(IdentityRules.Validate(Field, new ContactIdentity("api", atLimit + "x")));
        Assert.Equal(Field, error.Field);
        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crm\u000155")]
    [InlineData("crm\n55")]
    [InlineData("crm\t55")]
    [InlineData("crm\u007f55")]
    public void A_value_with_control_characters_is_rejected(string value)
    {
        var error = Assert.Single(IdentityRules.Validate(Field, new ContactIdentity("api", value)));

        Assert.Equal(new ValidationError(Field, "contains control characters."), error);
    }

    [Theory]
    [InlineData("ana.example.test")]
    [InlineData("@example.test")]
    [InlineData("ana@")]
    [InlineData("ana@@example.test")]
    [InlineData("ana@exa@mple.test")]
    [InlineData("ana silva@example.test")]
    public void A_malformed_email_address_is_rejected(string value)
    {
        var error = Assert.Single(IdentityRules.Validate(Field, new ContactIdentity("email", value)));

        Assert.Equal(new ValidationError(Field, "is not an email address."), error);
    }

    [Fact]
    public void Only_the_email_kind_has_to_look_like_an_address()
    {
        Assert.Empty(IdentityRules.Validate(Field, new ContactIdentity("telegram", "no-at-sign")));
    }

    // Lone surrogates are built here, not passed as theory data: xunit's serialization would replace them with U+FFFD.
    [Fact]
    public void A_value_with_a_lone_surrogate_is_rejected()
    {
        foreach (var value in new[] { "ana\ud800@example.test", "ana@example.test\udc00" })
        {
            var error = Assert.Single(IdentityRules.Validate(Field, new ContactIdentity("email", value)));

            Assert.Equal(new ValidationError(Field, "is not valid Unicode text."), error);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("Email")]
    [InlineData("e mail")]
    [InlineData("email2")]
    [InlineData("web_chat")]
    public void A_kind_that_is_not_lowercase_letters_is_rejected_under_its_own_field(string kind)
    {
        var errors = IdentityRules.Validate(Field, new ContactIdentity(kind, "crm-55")).ToList();

        var error = Assert.Single(errors);
        Assert.Equal(Field + ".kind", error.Field);
    }

    [Theory]
    [InlineData("a@b", true)]
    [InlineData("ana@example.test", true)]
    [InlineData("", false)]
    [InlineData("@", false)]
    [InlineData("a@", false)]
    [InlineData("@b", false)]
    [InlineData("a@b@c", false)]
    [InlineData("a\t@b", false)]
    public void Looks_like_email_requires_one_at_sign_between_text_and_no_whitespace(string value, bool expected)
    {
        Assert.Equal(expected, IdentityRules.LooksLikeEmail(value));
    }
}
