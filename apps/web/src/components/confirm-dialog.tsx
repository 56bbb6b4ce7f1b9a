import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

interface ConfirmRequest {
  title: string;
  message: ReactNode;
  /** The button that does it, in words that say what happens ("Delete column"). */
  confirmLabel: string;
  resolve: (ok: boolean) => void;
}

/**
 * Asks before a destructive action. `const [confirm, dialog] = useConfirm()`, render `dialog`, then
 * `if (await confirm({ title, message, confirmLabel })) …`. A modal <dialog>: focus moves into it, Escape or
 * Cancel says no, and focus returns to what was focused before.
 */
export function useConfirm() {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const confirm = useCallback(
    (r: Omit<ConfirmRequest, 'resolve'>) => new Promise<boolean>((resolve) => setRequest({ ...r, resolve })),
    [],
  );
  const close = (ok: boolean) => {
    request?.resolve(ok);
    setRequest(null);
  };
  const dialog = request ? <ConfirmDialog request={request} onClose={close} /> : null;
  return [confirm, dialog] as const;
}

function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose: (ok: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => before?.focus?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      onCancel={(e) => {
        e.preventDefault();
        onClose(false);
      }}
      // Keeps Escape here from reaching the panel behind, which would close too.
      onKeyDown={(e) => e.key === 'Escape' && e.stopPropagation()}
    >
      <h2 id="confirm-title">{request.title}</h2>
      <div id="confirm-message">{request.message}</div>
      <div className="confirm-actions">
        <button type="button" autoFocus onClick={() => onClose(false)}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => onClose(true)}>
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
