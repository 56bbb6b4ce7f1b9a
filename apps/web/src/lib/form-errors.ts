import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api-client';

/**
 * Puts the API's field errors (`body.email`, …) on the form's fields and returns the message for the whole form.
 * Fields the form does not have are left to the message.
 */
export function applyApiErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string {
  if (!(error instanceof ApiError)) return 'Something went wrong; try again.';
  for (const f of error.fields) {
    const name = f.field.replace(/^body\./, '').split('.')[0]!;
    if (fields.includes(name)) setError(name as Path<T>, { message: f.message });
  }
  return error.message;
}
