// The list the reply box's "/" opens (useCannedPicker): the canned responses matching what follows the "/", the
// chosen one highlighted. Keyboard only; the reply box keeps the focus and points at the chosen option.
import type { CannedPicker } from '../canned/useCannedPicker';

export const cannedMenuId = 'canned-menu';

export const cannedOptionId = (index: number) => `canned-option-${index}`;

export function CannedMenu({ picker }: { picker: CannedPicker }) {
  if (!picker.open) return null;
  return (
    <ul id={cannedMenuId} class="canned-menu" role="listbox" aria-label="Canned responses">
      {picker.choices.map((choice, i) => (
        <li
          key={choice.id}
          id={cannedOptionId(i)}
          role="option"
          aria-selected={i === picker.selected}
          class={i === picker.selected ? 'selected' : ''}
        >
          <span class="canned-code">/{choice.shortCode}</span>
          {choice.title && <span class="canned-title">{choice.title}</span>}
          {choice.visibility === 'personal' && <span class="canned-badge">personal</span>}
        </li>
      ))}
    </ul>
  );
}
