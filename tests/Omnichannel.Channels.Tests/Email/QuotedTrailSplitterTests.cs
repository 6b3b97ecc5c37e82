using Omnichannel.Channels.Email.Inbound;

namespace Omnichannel.Channels.Tests.Email;

public class QuotedTrailSplitterTests
{
    private const string Quote = "> Hello,\n> which order do you mean?\n> Support";

    [Theory]
    [InlineData("On Mon, Mar 4, 2024 at 6:01 PM Company Support <support@company.example> wrote:")]
    [InlineData("On 4 Mar 2024, at 18:01, Company Support <support@company.example> wrote:")]
    [InlineData("Am Mo., 4. März 2024 um 18:01 Uhr schrieb Company Support <support@company.example>:")]
    [InlineData("Am 04.03.2024 um 18:01 schrieb Company Support:")]
    [InlineData("Le lun. 4 mars 2024 à 18:01, Company Support <support@company.example> a écrit :")]
    [InlineData("Le 04/03/2024 à 18:01, Company Support a\u00A0écrit\u00A0:")]
    [InlineData("El lun, 4 mar 2024 a las 18:01, Company Support (<support@company.example>) escribió:")]
    [InlineData("пн, 4 мар. 2024 г. в 18:01, Company Support <support@company.example>:")]
    [InlineData("04.03.2024 18:01, Company Support пишет:")]
    [InlineData("4 марта 2024, в 18:01, Служба поддержки написал(а):")]
    [InlineData("Il giorno lun 4 mar 2024 alle ore 18:01 Company Support <support@company.example> ha scritto:")]
    [InlineData("Op ma 4 mrt 2024 om 18:01 schreef Company Support <support@company.example>:")]
    [InlineData("Em seg., 4 de mar. de 2024 às 18:01, Company Support <support@company.example> escreveu:")]
    [InlineData("W dniu 4.03.2024 o 18:01, Company Support pisze napisał(a):")]
    [InlineData("Den 4 mars 2024 kl. 18:01 skrev Company Support <support@company.example>:")]
    public void An_attribution_line_and_the_quote_below_it_are_the_trail(string attribution)
    {
        var split = QuotedTrailSplitter.Split($"Order 1234, thanks.\n\nAna\n\n{attribution}\n{Quote}\n");

        Assert.Equal("Order 1234, thanks.\n\nAna", split.Reply);
        Assert.Equal($"{attribution}\n{Quote}", split.Trail);
    }

    [Fact]
    public void An_attribution_wrapped_over_two_lines_is_still_recognized()
    {
        var split = QuotedTrailSplitter.Split(
            "Yes.\n\nOn Mon, Mar 4, 2024 at 6:01 PM Company Support <\nsupport@company.example> wrote:\n\n" + Quote);

        Assert.Equal("Yes.", split.Reply);
        Assert.StartsWith("On Mon, Mar 4, 2024", split.Trail);
    }

    [Fact]
    public void An_attribution_without_quote_marks_starts_a_trail_that_runs_to_the_end()
    {
        var split = QuotedTrailSplitter.Split("Yes, please.\n\nOn Mon, Mar 4, 2024, Support wrote:\n\nHello,\nwhich order?");

        Assert.Equal("Yes, please.", split.Reply);
        Assert.Equal("On Mon, Mar 4, 2024, Support wrote:\n\nHello,\nwhich order?", split.Trail);
    }

    [Theory]
    [InlineData("-----Original Message-----")]
    [InlineData("-----Ursprüngliche Nachricht-----")]
    [InlineData("----- Message d'origine -----")]
    [InlineData("-----Mensaje original-----")]
    [InlineData("-----Исходное сообщение-----")]
    public void An_original_message_separator_starts_the_trail(string separator)
    {
        var split = QuotedTrailSplitter.Split($"Done, thanks!\n\n{separator}\nFrom: Support\nHello,\nplease confirm.");

        Assert.Equal("Done, thanks!", split.Reply);
        Assert.StartsWith(separator, split.Trail);
        Assert.EndsWith("please confirm.", split.Trail);
    }

    [Theory]
    [InlineData("From: Company Support <support@company.example>", "Sent: Tuesday, March 5, 2024 4:00 PM", "To: Bob", "Subject: Invoice")]
    [InlineData("Von: Company Support <support@company.example>", "Gesendet: Dienstag, 5. März 2024 16:00", "An: Bob", "Betreff: Rechnung")]
    [InlineData("De : Company Support <support@company.example>", "Envoyé : mardi 5 mars 2024 16:00", "À : Bob", "Objet : Facture")]
    [InlineData("De: Company Support <support@company.example>", "Enviado: martes, 5 de marzo de 2024 16:00", "Para: Bob", "Asunto: Factura")]
    [InlineData("От: Company Support <support@company.example>", "Отправлено: 5 марта 2024 г. 16:00", "Кому: Bob", "Тема: Счёт")]
    [InlineData("*From:* Company Support <support@company.example>", "*Date:* Tuesday, March 5, 2024", "*To:* Bob", "*Subject:* Invoice")]
    public void An_Outlook_header_block_and_the_rule_above_it_start_the_trail(string from, string sent, string to, string subject)
    {
        var split = QuotedTrailSplitter.Split(
            $"Here is the number: 42.\n\nBob\n\n________________________________\n{from}\n{sent}\n{to}\n{subject}\n\nWhich number?");

        Assert.Equal("Here is the number: 42.\n\nBob", split.Reply);
        Assert.StartsWith($"________________________________\n{from}", split.Trail);
        Assert.EndsWith("Which number?", split.Trail);
    }

    [Fact]
    public void A_From_line_without_a_Sent_line_below_is_the_customers_text()
    {
        var text = "Your form says:\nFrom: Berlin\nTo: Hamburg\n\nbut I travel to Munich.";

        Assert.Equal(new QuotedTrailSplit(text, null), QuotedTrailSplitter.Split(text));
    }

    [Fact]
    public void Bottom_posted_answers_are_the_reply_and_the_quote_above_them_the_trail()
    {
        var split = QuotedTrailSplitter.Split($"On Mon, Mar 4, 2024, Support wrote:\n{Quote}\n\nOrder 1234.");

        Assert.Equal("Order 1234.", split.Reply);
        Assert.Equal($"On Mon, Mar 4, 2024, Support wrote:\n{Quote}", split.Trail);
    }

    [Fact]
    public void Inline_answers_between_quotes_keep_the_quotes_they_answer()
    {
        var text = "> Which order?\nOrder 1234.\n\n> Which address?\nMain Street 1.";

        Assert.Equal(new QuotedTrailSplit(text, null), QuotedTrailSplitter.Split(text));
    }

    [Fact]
    public void Inline_answers_followed_by_a_final_quote_lose_only_the_final_quote()
    {
        var split = QuotedTrailSplitter.Split("> Which order?\nOrder 1234.\n\n> Thanks,\n> Support");

        Assert.Equal("> Which order?\nOrder 1234.", split.Reply);
        Assert.Equal("> Thanks,\n> Support", split.Trail);
    }

    [Theory]
    [InlineData("> Only a quote\n> nothing else")]
    [InlineData("On Mon, Mar 4, 2024, Support wrote:\n> Only a quote")]
    [InlineData("-----Original Message-----\nFrom: Support\nHello")]
    [InlineData("From: Support <s@x>\nSent: Monday\n\nHello")]
    public void When_everything_looks_quoted_the_whole_text_is_kept(string text)
    {
        Assert.Equal(new QuotedTrailSplit(text, null), QuotedTrailSplitter.Split(text));
    }

    [Fact]
    public void A_forward_is_never_cut()
    {
        var text = "FYI, see below.\n\n-----Original Message-----\nFrom: Shop\nYour order was cancelled.";

        Assert.Equal(new QuotedTrailSplit(text, null), QuotedTrailSplitter.Split(text, isForward: true));
    }

    [Fact]
    public void A_forwarded_header_block_is_content_not_a_trail()
    {
        var text = "See below.\n\n---------- Forwarded message ---------\nFrom: Shop <orders@shop.example>\nDate: Mon, 4 Mar 2024\nSubject: Order\n\nTotal: 120 EUR";

        Assert.Equal(new QuotedTrailSplit(text, null), QuotedTrailSplitter.Split(text));
    }

    [Theory]
    [InlineData("Fwd: Order", true)]
    [InlineData("FW: Order", true)]
    [InlineData("WG: Bestellung", true)]
    [InlineData("TR : Commande", true)]
    [InlineData("RV: Pedido", true)]
    [InlineData("[Ticket #12] Fwd: Order", true)]
    [InlineData("Re: Order", false)]
    [InlineData("Forward planning", false)]
    [InlineData(null, false)]
    public void Forward_subjects_are_recognized(string? subject, bool isForward)
    {
        Assert.Equal(isForward, QuotedTrailSplitter.IsForwardSubject(subject));
    }

    [Fact]
    public void Hostile_lines_of_a_million_characters_are_split_in_linear_time()
    {
        var dashes = new string('-', 1_000_000);
        var text = $"Hi\nOn {dashes}\nFrom: {dashes}\n{dashes}Original Message {dashes}x\n> q";

        var split = QuotedTrailSplitter.Split(text);

        Assert.Equal(text[..^4], split.Reply);
        Assert.Equal("> q", split.Trail);
    }
}
