using System.Text.RegularExpressions;

namespace Omnichannel.Channels.Email.Inbound;

/// <summary>The lines <see cref="QuotedTrailSplitter"/> recognizes, in the languages our customers write in.</summary>
internal static partial class QuotedTrailPatterns
{
    // NonBacktracking everywhere: matching time is linear in the line, whatever a hostile message puts there.
    [GeneratedRegex(
        """
        ^(?:
            On\s.+\swrote\s?:
          | Am\s.+\sschrieb\b.*:
          | Le\s.+\sa\s+écrit\s?:
          | El\s.+\sescribió\s?:
          | .+\s(?:пишет|написал|написала|написал\(а\))\s?:
          | Il\s.+\sha\s+scritto\s?:
          | Op\s.+\sschreef\b.*:
          | (?:Em|No\sdia)\s.+\sescreveu\s?:
          | (?:W\sdniu|Dnia)\s.+\snapisał(?:\(a\)|a)?\s?:
          | Den\s.+\sskrev\b.*:
        )$
        """,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.IgnorePatternWhitespace,
        matchTimeoutMilliseconds: 250)]
    public static partial Regex Attribution();

    /// <summary>Gmail in Russian writes no verb: "пн, 4 мар. 2024 г. в 10:00, Анна &lt;anna@example.com&gt;:".</summary>
    [GeneratedRegex(@"^.+\d{4}\s?г\..+<[^<>\s]+@[^<>\s]+>:$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 250)]
    public static partial Regex RussianGmailAttribution();

    [GeneratedRegex(
        """
        ^-{2,}\s*(?:Original\sMessage|Ursprüngliche\sNachricht|Message\sd'origine|Mensaje\soriginal|Исходное\sсообщение
          |Messaggio\soriginale|Oorspronkelijk\sbericht|Mensagem\soriginal|Oryginalna\swiadomość|Originalmeddelande)\s*-{2,}$
        """,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.IgnorePatternWhitespace,
        matchTimeoutMilliseconds: 250)]
    public static partial Regex OriginalMessageSeparator();

    [GeneratedRegex(
        @"^\*?(?:From|Von|De|Da|Van|От|Od|Fra|Från)\s?:\*?\s*\S",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking,
        matchTimeoutMilliseconds: 250)]
    public static partial Regex OutlookFrom();

    [GeneratedRegex(
        @"^\*?(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado|Fecha|Data|Inviato|Verzonden|Отправлено|Дата|Wysłano|Skickat|Sendt)\s?:\*?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking,
        matchTimeoutMilliseconds: 250)]
    public static partial Regex OutlookSent();

    [GeneratedRegex(@"^(?:_{5,}|-{5,})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 250)]
    public static partial Regex Rule();

    [GeneratedRegex(
        """
        ^(?:-{2,}\s*(?:Forwarded\smessage|Weitergeleitete\sNachricht|Message\stransféré|Mensaje\sreenviado|Пересылаемое\sсообщение
          |Messaggio\sinoltrato|Doorgestuurd\sbericht|Mensagem\sencaminhada|Wiadomość\sprzekazana|Vidarebefordrat\smeddelande)
          |Begin\sforwarded\smessage:|Anfang\sder\sweitergeleiteten\sNachricht:|Début\sdu\smessage\sréexpédié\s?:)
        """,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.IgnorePatternWhitespace,
        matchTimeoutMilliseconds: 250)]
    public static partial Regex ForwardMarker();

    [GeneratedRegex(
        @"^\s*(?:\[[^\]]{0,40}\]\s*)?(?:Fwd?|WG|TR|RV|Enc|ENC|Doorst|VS|Vs|Пересл|Fw|FW)\s*:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking,
        matchTimeoutMilliseconds: 250)]
    public static partial Regex ForwardSubject();
}
