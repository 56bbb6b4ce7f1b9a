import type { z } from 'zod';
import type { ErrorBody, ErrorCode, FieldError } from '@amb/shared/errors';

/** An error response from the API, typed: code, message and the fields it names. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly fields: FieldError[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The message for one field, e.g. `fieldMessage('body.email')`. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Listeners told when any call answers 401, so the app can return to the sign-in page. */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void) {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/**
 * The one way the web app calls the API. With a schema, the response is parsed with the same zod object
 * the API answered with, so a contract drift shows up as an error here rather than as a wrong screen.
 */
export async function api<T = unknown>(
  method: Method,
  path: string,
  options: { body?: unknown; schema?: z.ZodType<T>; signal?: AbortSignal } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'Cannot reach the server. Check your connection and try again.');
  }
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const err = (data as ErrorBody | undefined)?.error;
    if (res.status === 401 && path !== '/auth/sign-in') unauthenticatedListeners.forEach((l) => l());
    throw new ApiError(
      res.status,
      err?.code ?? 'INTERNAL',
      err?.message ?? `The server answered ${res.status}`,
      err?.fields ?? [],
      err?.details ?? {},
    );
  }
  return options.schema ? options.schema.parse(data) : (data as T);
}
