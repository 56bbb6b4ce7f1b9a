import type { Notice } from './board-store';

/** A board notice with its dismiss button, at the top of the board or in the cell it is about. */
export function NoticeText({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  return (
    <p className={`notice ${notice.tone}`}>
      {notice.text}{' '}
      <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </p>
  );
}
