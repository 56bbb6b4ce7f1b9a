// The organisation's portfolio stages, set by the PMO, and the mapping of each team's columns onto them
// (decision 37). Each stage refines one flow category; stages keep the flow categories' order.
import { z } from 'zod';
import { flowCategorySchema } from './boards';
import { idSchema, teamKindSchema } from './common';

export const stageNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(60, { message: 'must be at most 60 characters' });

export const portfolioStageSchema = z.object({
  id: idSchema,
  name: z.string(),
  position: z.number().int(),
  flowCategory: flowCategorySchema,
});
export type PortfolioStage = z.infer<typeof portfolioStageSchema>;
export const portfolioStageListSchema = z.object({
  stages: z.array(portfolioStageSchema),
  /** Teams whose arrivals wait to be recounted after stages were added, reordered or removed; they show the old counts meanwhile. */
  teamsRecounting: z.number().int().min(0),
});

/** A new stage goes after the last stage of its flow category. */
export const createStageBodySchema = z.object({ name: stageNameSchema, flowCategory: flowCategorySchema });
export const renameStageBodySchema = z.object({ name: stageNameSchema });
/** Every stage once, in the new order; stages of one flow category may move among themselves only. */
export const reorderStagesBodySchema = z.object({ stageIds: z.array(idSchema).min(1).max(100) });
export const stageParamsSchema = z.object({ stageId: idSchema });

/** A column's stage: null for its flow category's first stage. */
export const columnStageBodySchema = z.object({ stageId: idSchema.nullable() });
export const columnParamsSchema = z.object({ columnId: idSchema });

export const mappedColumnSchema = z.object({
  id: idSchema,
  name: z.string(),
  flowCategory: flowCategorySchema,
  /** The stage the column counts in now. */
  stageId: idSchema,
  /** True when the PMO chose the stage; false when it is the flow category's first stage by default. */
  mapped: z.boolean(),
});
export type MappedColumn = z.infer<typeof mappedColumnSchema>;
export const stageMappingSchema = z.object({
  stages: z.array(portfolioStageSchema),
  teams: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      kind: teamKindSchema,
      boardId: idSchema.nullable(),
      columns: z.array(mappedColumnSchema),
    }),
  ),
});
export type StageMapping = z.infer<typeof stageMappingSchema>;
