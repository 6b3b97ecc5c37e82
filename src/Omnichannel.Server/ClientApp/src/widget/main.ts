// widget.js: <script src="https://HOST/widget.js" data-site="SITE_KEY" async></script>
// Adds a launcher and a chat panel inside a shadow root (isolated from the host page's CSS). Text is always
// rendered as text (textContent), never as HTML.
import { styles } from './styles';
import { ACCEPTED_TYPES, fileLinks, paperclipIcon, uploadFile } from './attachments';
import { VisitorHub, type VisitorMessage } from './visitorHub';

interface PublicSite { key: string; title: string; greeting: string; color: string; position: 'left' | 'right'; preChatName: string; preChatEmail: string }
interface Session { visitorToken: string; visitorId: string; conversationId: string | null; agentsAvailable: boolean; offlineMessage: string | null; site: PublicSite }

const script = document.currentScript as HTMLScriptElement | null;
const siteKey = script?.dataset.site ?? 'default';
const baseUrl = script ? new URL(script.src).origin : location.origin;
const storageKey = `omnichannel-webchat:${siteKey}`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function startSession(extra: Record<string, string> = {}): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/webchat/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      site: siteKey,
      visitorToken: localStorage.getItem(storageKey),
      userId: script?.dataset.userId,
      userHash: script?.dataset.userHash,
      ...extra,
    }),
  });
  if (!response.ok) throw new Error(`web chat unavailable (${response.status})`);
  const session = (await response.json()) as Session;
  localStorage.setItem(storageKey, session.visitorToken);
  return session;
}

async function mount(): Promise<void> {
  const session = await startSession();
  const site = session.site;
  const host = el('div', { id: 'omnichannel-webchat' });
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  root.appendChild(el('style', {}, styles(site.color, site.position)));

  const launcher = el('button', { class: 'launcher', type: 'button', 'aria-label': 'Open chat', 'aria-expanded': 'false' });
  launcher.appendChild(chatIcon());
  const badge = el('span', { class: 'badge', hidden: '' });
  launcher.appendChild(badge);
  const panel = el('section', { class: 'panel', hidden: '', role: 'dialog', 'aria-label': site.title });
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite' });
  const typing = el('div', { class: 'typing', 'aria-live': 'polite' });
  const state = el('div', { class: 'state', hidden: '' }, 'Reconnecting…');
  const form = el('form');
  const input = el('textarea', { rows: '2', 'aria-label': 'Message', placeholder: 'Write a message…', maxlength: '4000' });
  const send = el('button', { class: 'send', type: 'submit' }, 'Send');
  const attach = el('button', { class: 'attach', type: 'button', 'aria-label': 'Attach a file', title: 'Attach an image or PDF (up to 10 MB)' });
  attach.appendChild(paperclipIcon());
  const picker = el('input', { type: 'file', accept: ACCEPTED_TYPES, hidden: '' });
  form.append(attach, picker, input, send);
  panel.append(el('header', {}, site.title), state);
  if (!session.agentsAvailable && session.offlineMessage) {
    panel.append(offlineNotice(session.offlineMessage));
  }
  panel.append(log, typing, form);
  root.append(launcher, panel);
  log.append(bubble({ id: 'greeting', seq: 0, direction: 'out', text: site.greeting, authorName: null, createdAt: '', clientId: null, attachments: [] }));
  const render = (m: VisitorMessage): HTMLElement =>
    bubble(m, m.attachments?.length ? fileLinks(baseUrl, session.visitorToken, m) : undefined);

  const shown = new Map<string, HTMLElement>();
  const pending = new Map<string, HTMLElement>();
  let unread = 0;
  let typingTimer: number | undefined;
  let lastTyping = 0;

  const hub = new VisitorHub(baseUrl, session.visitorToken, {
    message(m) {
      if (shown.has(m.id)) return;
      const mine = m.clientId ? pending.get(m.clientId) : undefined;
      // A pending file bubble only knows the file's name: the stored message brings its download links.
      const node = mine && !m.attachments?.length ? mine : render(m);
      node.classList.remove('pending');
      if (m.clientId) pending.delete(m.clientId);
      shown.set(m.id, node);
      if (!mine) log.append(node);
      else if (mine !== node) mine.replaceWith(node);
      log.scrollTop = log.scrollHeight;
      if (m.direction === 'out') {
        typing.textContent = '';
        if (panel.hidden) {
          unread++;
          badge.textContent = String(unread);
          badge.hidden = false;
        }
      }
    },
    agentTyping() {
      typing.textContent = 'Agent is typing…';
      window.clearTimeout(typingTimer);
      typingTimer = window.setTimeout(() => (typing.textContent = ''), 4000);
    },
    connection(s) {
      state.hidden = s === 'connected';
    },
  });
  launcher.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    launcher.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) {
      unread = 0;
      badge.hidden = true;
      input.focus();
    }
  });
  input.addEventListener('input', () => {
    if (Date.now() - lastTyping > 2000) {
      lastTyping = Date.now();
      hub.typing();
    }
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    post(text, (clientId) => hub.send(clientId, text));
  });
  attach.addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    // The file's name shows as a pending bubble while it uploads; then it is sent like a message.
    post(`📎 ${file.name}`, async (clientId) => {
      const uploaded = await uploadFile(baseUrl, session.visitorToken, file);
      return hub.send(clientId, '', [uploaded.id]);
    });
  });

  /** Shows a pending bubble at once and settles it when the server acknowledges (or refuses) the send. */
  function post(label: string, deliver: (clientId: string) => Promise<{ messageId: string }>): void {
    const id = crypto.randomUUID();
    const node = bubble({ id, seq: 0, direction: 'in', text: label, authorName: null, createdAt: '', clientId: id, attachments: [] });
    node.classList.add('pending');
    pending.set(id, node);
    log.append(node);
    log.scrollTop = log.scrollHeight;
    deliver(id).then(
      (ack) => {
        node.classList.remove('pending');
        if (!shown.has(ack.messageId)) shown.set(ack.messageId, node);
        pending.delete(id);
      },
      (error: Error) => {
        node.classList.remove('pending');
        node.title = error.message;
        node.append(el('div', { class: 'who' }, `Not sent: ${error.message}`));
        pending.delete(id);
      },
    );
  }

  // Listeners first: the launcher works at once, while the connection is still being made.
  await hub.start();

  function offlineNotice(message: string): HTMLElement {
    const box = el('form', { class: 'stack notice', 'aria-label': 'Leave your email' });
    const text = el('div', {}, message);
    const email = el('input', { type: 'email', 'aria-label': 'Email', placeholder: 'you@example.com', required: '' });
    const save = el('button', { class: 'send', type: 'submit' }, 'Save email');
    box.append(text, email, save);
    box.addEventListener('submit', (e) => {
      e.preventDefault();
      void startSession({ email: email.value }).then(() =>
        box.replaceChildren(el('div', {}, `Thanks — we'll answer at ${email.value}.`)),
      );
    });
    return box;
  }
}

/** A speech bubble drawn as SVG: no emoji font needed on the visitor's system. */
function chatIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '26');
  svg.setAttribute('height', '26');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
  svg.appendChild(path);
  return svg;
}

function bubble(m: VisitorMessage, files?: HTMLElement): HTMLElement {
  const node = el('div', { class: `msg ${m.direction}` });
  if (m.direction === 'out' && m.authorName) node.append(el('div', { class: 'who' }, m.authorName));
  if (m.text) node.append(document.createTextNode(m.text));
  if (files) node.append(files);
  return node;
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => void mount());
} else {
  void mount();
}
