import { useEffect } from 'react';
import { useCardFileUploads } from './card-file-uploads';

const percent = (sent: number, total: number) => (total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0);

/**
 * Files dropped on cards, in a corner of the board while they go: each with its card, a progress bar and Cancel; a
 * failure stays with the API's reason until dismissed; the last file in is said for a few seconds.
 */
export function DroppedFiles() {
  const uploads = useCardFileUploads((s) => s.uploads);
  const done = useCardFileUploads((s) => s.done);
  const dismiss = useCardFileUploads((s) => s.dismiss);
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => useCardFileUploads.setState({ done: null }), 6000);
    return () => clearTimeout(timer);
  }, [done]);
  return (
    // Always in the page, so its status line is a live region before anything is said in it.
    <section className="dropped-files" aria-label="Files dropped on cards" data-empty={!done && uploads.length === 0}>
      <p role="status" className="dropped-files-done">
        {done}
      </p>
      {uploads.length > 0 && (
        <ul>
          {uploads.map((u) => (
            <li key={u.id}>
              <span className="dropped-file-name">
                {u.fileName} <span className="muted">→ {u.cardTitle}</span>
              </span>
              {u.error ? (
                <span role="alert" className="error-text">
                  {u.error}
                </span>
              ) : (
                <progress
                  max={100}
                  value={percent(u.sent, u.total)}
                  aria-label={`Uploading ${u.fileName} to ${u.cardTitle}`}
                />
              )}
              <button
                type="button"
                className="small"
                onClick={() => (u.error ? dismiss(u.id) : u.cancel())}
                aria-label={`${u.error ? 'Dismiss' : 'Cancel'} ${u.fileName}`}
              >
                {u.error ? 'Dismiss' : 'Cancel'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
