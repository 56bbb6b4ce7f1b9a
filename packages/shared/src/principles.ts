import { z } from 'zod';
import { idSchema } from './common';

export const principleSchema = z.object({
  id: idSchema,
  key: z.string(),
  name: z.string(),
  description: z.string(),
  position: z.number().int(),
  archived: z.boolean(),
});
export type Principle = z.infer<typeof principleSchema>;
export const principleListSchema = z.object({ principles: z.array(principleSchema) });
export type PrincipleList = z.infer<typeof principleListSchema>;

export const principleKeySchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, { message: 'must be at least 2 characters' })
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'may hold only lower-case letters, digits and single dashes' });

export const createPrincipleBodySchema = z.object({
  key: principleKeySchema,
  name: z.string().trim().min(1, { message: 'is required' }).max(120),
  description: z.string().trim().max(1000).default(''),
});
export const updatePrincipleBodySchema = z
  .object({
    name: z.string().trim().min(1, { message: 'is required' }).max(120),
    description: z.string().trim().max(1000),
    position: z.number().int().min(0).max(1000),
    archived: z.boolean(),
  })
  .partial();
export const principleParamsSchema = z.object({ principleId: idSchema });
