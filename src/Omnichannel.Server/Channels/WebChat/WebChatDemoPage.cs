namespace Omnichannel.Server.Channels.WebChat;

/// <summary>
/// <c>Omnichannel:WebChat:DemoPage=true</c> serves <c>/demo/webchat</c>: a plain page with the <c>default</c> site's
/// widget embedded, to try the whole loop locally (visitor in one tab, inbox in another). Off by default.
/// </summary>
internal static class WebChatDemoPage
{
    public const string Key = "Omnichannel:WebChat:DemoPage";

    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Acme Store — web chat demo</title>
        </head>
        <body style="font-family: system-ui, sans-serif; max-width: 720px; margin: 40px auto; padding: 0 16px; color: #1e293b">
          <h1>Acme Store</h1>
          <p>This is a demo page with the Omnichannel web chat widget embedded exactly as a customer's website would
          embed it. Open the chat with the button in the corner and write; answer from the agent inbox in another tab.</p>
          <pre style="background:#f1f5f9;padding:12px;border-radius:8px">&lt;script src="/widget.js" data-site="default" async&gt;&lt;/script&gt;</pre>
          <script src="/widget.js" data-site="default" async></script>
        </body>
        </html>
        """;

    public static void Map(WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(Key))
        {
            app.MapGet("/demo/webchat", () => TypedResults.Content(Html, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        }
    }
}
