import { directorySchema } from '@amb/shared/organisation';
import { api } from '../../lib/api-client';

export const fetchDirectory = () => api('GET', '/directory', { schema: directorySchema });
