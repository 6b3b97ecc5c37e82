// Email HTML (already sanitized by the server) in a frame with an empty sandbox: no scripts, no forms, no
// same-origin access, no navigation of the app. It inherits the page's CSP, so remote images do not load either.
import { useState } from 'preact/hooks';

const frameStyle = '<style>body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1f2328;word-wrap:break-word}img{max-width:100%}</style>';

export function EmailFrame({ html, title }: { html: string; title: string }) {
  const [height, setHeight] = useState(160);
  return (
    <iframe
      class="email"
      sandbox=""
      title={title}
      srcDoc={`<!doctype html><meta charset="utf-8">${frameStyle}${html}`}
      style={{ height: `${height}px` }}
      onLoad={(e) => {
        // Without allow-same-origin the document is opaque: keep a fixed height and let it scroll, unless readable.
        try {
          const doc = e.currentTarget.contentDocument;
          if (doc) setHeight(Math.min(600, doc.documentElement.scrollHeight + 8));
        } catch {
          /* opaque origin */
        }
      }}
    />
  );
}
