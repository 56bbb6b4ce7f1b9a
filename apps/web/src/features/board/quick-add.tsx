import { useState } from 'react';

/** Adds a card by title at the top or the bottom of a column: type, Enter, done. */
export function QuickAdd({
  columnName,
  position,
  onAdd,
}: {
  columnName: string;
  position: 'top' | 'bottom';
  onAdd: (title: string) => Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  // The name starts with the button's visible words, so a person using voice control can say what they see.
  const label = `Add card at ${position} of ${columnName}`;
  if (!open) {
    return (
      <button type="button" className="quick-add-open" aria-label={label} title={label} onClick={() => setOpen(true)}>
        + Add card{position === 'top' ? ' at top' : ''}
      </button>
    );
  }
  return (
    <form
      className="quick-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim() || busy) return;
        setBusy(true);
        void onAdd(title.trim()).then((ok) => {
          setBusy(false);
          if (ok) setTitle('');
        });
      }}
    >
      <input
        autoFocus
        aria-label={`Title of the new card (${position} of ${columnName})`}
        placeholder="Card title, then Enter"
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      />
      <button type="submit" disabled={busy || !title.trim()}>
        Add
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
