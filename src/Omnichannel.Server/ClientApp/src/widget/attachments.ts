// Visitors' files: upload to the staging endpoint (the token in a header, never in a URL), send their ids with the
// message, and download through the token-checked endpoint. Files always download; nothing is shown inline.
import type { AttachmentDto, VisitorMessage } from './visitorHub';

/** What the server accepts (it checks each file's first bytes too). */
export const ACCEPTED_TYPES = 'image/png,image/jpeg,image/gif,image/webp,application/pdf';
export const MAX_BYTES = 10 * 1024 * 1024;

export async function uploadFile(baseUrl: string, token: string, file: File): Promise<AttachmentDto> {
  if (file.size > MAX_BYTES) throw new Error('the file is larger than 10 MB');
  if (!ACCEPTED_TYPES.split(',').includes(file.type)) throw new Error('only images and PDFs can be sent');
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch(`${baseUrl}/api/webchat/attachments`, { method: 'POST', headers: { 'X-Visitor-Token': token }, body });
  if (!response.ok) throw new Error(response.status === 400 ? 'this file type or size is not accepted' : `upload failed (${response.status})`);
  return (await response.json()) as AttachmentDto;
}

/** One link per file; a click fetches it with the token and saves it under its name. */
export function fileLinks(baseUrl: string, token: string, m: VisitorMessage): HTMLElement {
  const list = document.createElement('div');
  list.className = 'files';
  for (const a of m.attachments) {
    const link = document.createElement('a');
    link.className = 'file';
    link.href = '#';
    link.textContent = `📎 ${a.fileName}`;
    link.title = `Download ${a.fileName} (${Math.ceil(a.size / 1024)} KiB)`;
    link.addEventListener('click', (e) => {
      e.preventDefault();
      void download(`${baseUrl}/api/webchat/attachments/${encodeURIComponent(m.id)}/${encodeURIComponent(a.id)}`, token, a.fileName);
    });
    list.append(link);
  }
  return list;
}

/** A paperclip drawn as SVG (no emoji font needed for the button). */
export function paperclipIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '20');
  svg.setAttribute('height', '20');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '2');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('d', 'M21 11.5l-8.5 8.5a5 5 0 0 1-7-7l9-9a3.5 3.5 0 0 1 5 5l-9 9a2 2 0 0 1-3-3l8-8');
  svg.appendChild(path);
  return svg;
}

async function download(url: string, token: string, fileName: string): Promise<void> {
  const response = await fetch(url, { headers: { 'X-Visitor-Token': token } });
  if (!response.ok) return;
  const blobUrl = URL.createObjectURL(await response.blob());
  const save = document.createElement('a');
  save.href = blobUrl;
  save.download = fileName;
  save.click();
  setTimeout(() => URL.revokeObjectURL(blobUrl), 10000);
}
