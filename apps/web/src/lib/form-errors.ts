import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api-client';

/**
 * Puts the API's field errors (`body.email`, `body.labels.2`) on the form's fields, so a rule only the server
 * can check (an email already taken) shows where the browser's own checks show. Returns the message for the
 * whole form: the error's message when no field of the form was named, else null.
 */
export function applyApiErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string | null {
  if (!(error instanceof ApiError)) return (error as Error)?.message ?? 'Something went wrong; try again.';
  let placed = false;
  for (const f of error.fields) {
    const name = f.field.replace(/^body\./, '').split('.')[0]!;
    if (fields.includes(name)) {
      setError(name as Path<T>, { type: 'server', message: f.message });
      placed = true;
    }
  }
  return placed ? null : error.message;
}
