import { signUpStatusSchema } from '@amb/shared/organisation';
import { api } from '../../lib/api-client';

export const fetchSignUpStatus = () => api('GET', '/auth/sign-up-status', { schema: signUpStatusSchema });
