// The organisation's campaigns (decision 75): the contract of /api/campaigns, and the palette of their colours.
import { z } from 'zod';
import { flowCategorySchema } from './boards';
import { idSchema, isoDateTime } from './common';
import { campaignDatesProblem, campaignPaletteNames, isCampaignColour } from '@amb/domain/campaigns';

export const campaignStatuses = ['PLANNED', 'RUNNING', 'DONE'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
export const campaignStatusSchema = z.enum(campaignStatuses, { message: 'must be PLANNED, RUNNING or DONE' });
export const campaignStatusNames: Record<CampaignStatus, string> = {
  PLANNED: 'Planned',
  RUNNING: 'Running',
  DONE: 'Done',
};

export { campaignColourHex, campaignPalette, campaignPaletteNames } from '@amb/domain/campaigns';

export const campaignColourSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isCampaignColour, {
    message: `must be one of ${campaignPaletteNames.join(', ')} or a colour like #1d4ed8`,
  });

const campaignDaySchema = z.iso.date({ message: 'must be a date like 2026-12-01' });
const isDay = (value: unknown) => campaignDaySchema.safeParse(value).success;
const nameSchema = z
  .string({ message: 'is required' })
  .trim()
  .min(1, { message: 'is required' })
  .max(120, { message: 'must be at most 120 characters' });
const goalSchema = z.string().trim().max(2000, { message: 'must be at most 2,000 characters' });

export const campaignParamsSchema = z.object({ campaignId: idSchema });

export const createCampaignBodySchema = z
  .object({
    name: nameSchema,
    goal: goalSchema.default(''),
    startDate: campaignDaySchema,
    endDate: campaignDaySchema,
    ownerId: idSchema,
    colour: campaignColourSchema,
    status: campaignStatusSchema.default('PLANNED'),
  })
  // Only two well-formed days are compared: a malformed one is reported on its own field alone.
  .refine((b) => !isDay(b.startDate) || !isDay(b.endDate) || !campaignDatesProblem(b.startDate, b.endDate), {
    message: 'must not be before the start date',
    path: ['endDate'],
  });
export type CreateCampaignBody = z.infer<typeof createCampaignBodySchema>;

/** Any of the fields; the end is checked against the start the campaign will have. */
export const updateCampaignBodySchema = z
  .object({
    name: nameSchema,
    goal: goalSchema,
    startDate: campaignDaySchema,
    endDate: campaignDaySchema,
    ownerId: idSchema,
    colour: campaignColourSchema,
    status: campaignStatusSchema,
  })
  .partial();
export type UpdateCampaignBody = z.infer<typeof updateCampaignBodySchema>;

/** What the cards a reader may see add up to; `hiddenCards` counts the cards on teams they cannot see. */
export const campaignProgressSchema = z.object({
  cards: z.number().int(),
  done: z.number().int(),
  points: z.number().int(),
  pointsDone: z.number().int(),
  blocked: z.number().int(),
  atRisk: z.number().int(),
  hiddenCards: z.number().int(),
});
export type CampaignProgressView = z.infer<typeof campaignProgressSchema>;

export const campaignSchema = z.object({
  id: idSchema,
  name: z.string(),
  goal: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  /** Null once the owner's account is gone. */
  owner: z.object({ id: idSchema, name: z.string() }).nullable(),
  colour: z.string(),
  status: campaignStatusSchema,
  progress: campaignProgressSchema,
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignListSchema = z.object({ campaigns: z.array(campaignSchema) });
export type CampaignList = z.infer<typeof campaignListSchema>;

/** A card that delivers for the campaign, on a team the reader may see. */
export const campaignDeliverableSchema = z.object({
  id: idSchema,
  title: z.string(),
  teamId: idSchema,
  boardId: idSchema,
  columnName: z.string(),
  flowCategory: flowCategorySchema,
  estimate: z.number().int().nullable(),
  dueDate: isoDateTime.nullable(),
  blocked: z.boolean(),
  done: z.boolean(),
  /** Not done, and due after the campaign's last day or already past due. */
  atRisk: z.boolean(),
});
export type CampaignDeliverable = z.infer<typeof campaignDeliverableSchema>;

/** One team's deliverables, by the flow category of their columns (in flow order; empty categories left out). */
export const campaignTeamSchema = z.object({
  teamId: idSchema,
  teamName: z.string(),
  groups: z.array(z.object({ flowCategory: flowCategorySchema, cards: z.array(campaignDeliverableSchema) })),
});
export type CampaignTeam = z.infer<typeof campaignTeamSchema>;

export const campaignPageSchema = z.object({ campaign: campaignSchema, teams: z.array(campaignTeamSchema) });
export type CampaignPage = z.infer<typeof campaignPageSchema>;
