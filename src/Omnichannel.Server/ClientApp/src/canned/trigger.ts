// Where a canned response is being asked for in the reply box: a "/" that starts a word, followed by what the agent
// typed so far of a short code (letters, digits, '-', '_'), ending at the caret. Pure, so the rules are unit-tested.

export interface CannedTrigger {
  /** Index of the "/" in the text. */
  start: number;
  /** Index just past the typed short code (the caret). */
  end: number;
  /** What follows the "/", possibly empty. */
  query: string;
}

export interface CannedChoice {
  id: string;
  shortCode: string;
  title?: string | null;
}

const codeChars = /^[A-Za-z0-9_-]*$/;

/** The trigger the caret is in, or null: "/" must be at the start of the text or after whitespace. */
export function findTrigger(text: string, caret: number): CannedTrigger | null {
  const before = text.slice(0, caret);
  const slash = before.lastIndexOf('/');
  if (slash < 0) return null;
  if (slash > 0 && !/\s/.test(before.charAt(slash - 1))) return null;
  const query = before.slice(slash + 1);
  if (!codeChars.test(query) || query.length > 32) return null;
  return { start: slash, end: caret, query };
}

/**
 * The choices matching `query`, best first: short codes starting with it, then short codes or titles containing it
 * (ignoring case); each group keeps the server's order (by short code).
 */
export function filterChoices<T extends CannedChoice>(choices: readonly T[], query: string): T[] {
  const q = query.toLowerCase();
  const starts = choices.filter((c) => c.shortCode.toLowerCase().startsWith(q));
  const contains = choices.filter(
    (c) =>
      !c.shortCode.toLowerCase().startsWith(q) &&
      (c.shortCode.toLowerCase().includes(q) || (c.title ?? '').toLowerCase().includes(q)),
  );
  return [...starts, ...contains];
}

/** The text with the trigger replaced by `inserted`, and where the caret goes (just after it). */
export function insertAt(text: string, trigger: CannedTrigger, inserted: string): { text: string; caret: number } {
  return {
    text: text.slice(0, trigger.start) + inserted + text.slice(trigger.end),
    caret: trigger.start + inserted.length,
  };
}
