import type { FieldError as HookFieldError } from 'react-hook-form';

/** A field's error under it, named by `id` so the input can point at it with aria-describedby. */
export function FieldError({ id, label, error }: { id: string; label: string; error: HookFieldError | undefined }) {
  if (!error?.message) return null;
  return (
    <span id={id} className="field-error">
      {label} {error.message}
    </span>
  );
}
