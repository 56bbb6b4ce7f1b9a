import { queryOptions } from '@tanstack/react-query';
import { signUpStatusSchema } from '@amb/shared/organisation';
import { api } from '../../lib/api-client';

/** Whether this is a fresh install and who may sign up. */
export const signUpStatusQuery = queryOptions({
  queryKey: ['sign-up-status'],
  queryFn: ({ signal }) => api('GET', '/auth/sign-up-status', { schema: signUpStatusSchema, signal }),
});
