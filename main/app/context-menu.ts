// The right-click menu: spelling suggestions and "Add to Dictionary" on a misspelled word (the
// window's spellchecker is on), then the platform's own text editing roles — Undo/Redo of the
// field itself, Cut/Copy/Paste/Select All — as the page allows them. Pure: Electron's
// context-menu params in, a menu template out, so it is unit-tested without Electron.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

export type ContextMenuInput = Pick<
  ContextMenuParams,
  'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'editFlags'
>;

export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
}

export function contextMenuTemplate(
  p: ContextMenuInput,
  actions: ContextMenuActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (p.isEditable && p.misspelledWord) {
    const suggestions = p.dictionarySuggestions.slice(0, 6);
    if (suggestions.length === 0) items.push({ label: 'No Spelling Suggestions', enabled: false });
    for (const s of suggestions) items.push({ label: s, click: () => actions.replaceMisspelling(s) });
    items.push(
      {
        label: `Add “${p.misspelledWord}” to Dictionary`,
        click: () => actions.addToDictionary(p.misspelledWord),
      },
      { type: 'separator' },
    );
  }
  const f = p.editFlags;
  if (p.isEditable) {
    items.push(
      { role: 'undo', enabled: f.canUndo },
      { role: 'redo', enabled: f.canRedo },
      { type: 'separator' },
      { role: 'cut', enabled: f.canCut },
      { role: 'copy', enabled: f.canCopy },
      { role: 'paste', enabled: f.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: f.canSelectAll },
    );
  } else if (p.selectionText.trim() !== '') {
    items.push({ role: 'copy', enabled: f.canCopy });
  }
  return items;
}
