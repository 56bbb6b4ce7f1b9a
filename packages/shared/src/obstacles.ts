import { z } from 'zod';

/** Why a card is blocked, chosen when the obstacle is raised; stand-ups and the PMO report on these. */
export const blockerCategories = ['legal_compliance', 'creative_approval', 'vendor', 'data', 'other_team', 'other'] as const;
export const blockerCategorySchema = z.enum(blockerCategories);
export type BlockerCategory = z.infer<typeof blockerCategorySchema>;
