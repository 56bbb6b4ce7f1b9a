// The boards a new team can start from. Each is a complete layout: columns in order with their flow category and
// WIP limit, and the swimlanes work is split into. Scrum masters change them afterwards like any board.

import type { FlowCategory } from './flow-categories';

export type { FlowCategory } from './flow-categories';

export interface TemplateColumn {
  name: string;
  flowCategory: FlowCategory;
  wipLimit: number | null;
  wipPolicy: 'SOFT' | 'HARD';
}

export interface BoardTemplate {
  key: BoardTemplateKey;
  name: string;
  description: string;
  /** The kind of team the template suits best; any team may use any template. */
  suits: 'MARKETING' | 'DEVELOPMENT' | 'OTHER';
  columns: TemplateColumn[];
  swimlanes: { name: string; wipLimit: number | null }[];
}

export const boardTemplateKeys = [
  'content-marketing',
  'campaign-launch',
  'growth-experiments',
  'development-flow',
] as const;
export type BoardTemplateKey = (typeof boardTemplateKeys)[number];

const col = (
  name: string,
  flowCategory: FlowCategory,
  wipLimit: number | null = null,
  wipPolicy: 'SOFT' | 'HARD' = 'SOFT',
): TemplateColumn => ({
  name,
  flowCategory,
  wipLimit,
  wipPolicy,
});

export const boardTemplates: Record<BoardTemplateKey, BoardTemplate> = {
  'content-marketing': {
    key: 'content-marketing',
    name: 'Content marketing flow',
    description: 'Ideas to published pieces: drafting, editing and legal review limited so work finishes.',
    suits: 'MARKETING',
    columns: [
      col('Ideas', 'BACKLOG'),
      col('Planned', 'TODO', 8),
      col('Drafting', 'IN_PROGRESS', 4),
      col('Editing', 'IN_PROGRESS', 3),
      col('Legal review', 'IN_PROGRESS', 2, 'HARD'),
      col('Published', 'DONE'),
    ],
    swimlanes: [
      { name: 'Blog and SEO', wipLimit: null },
      { name: 'Social', wipLimit: null },
      { name: 'Expedite', wipLimit: 1 },
    ],
  },
  'campaign-launch': {
    key: 'campaign-launch',
    name: 'Campaign launch',
    description: 'One campaign from brief to results, with creative and channel set-up in parallel lanes.',
    suits: 'MARKETING',
    columns: [
      col('Brief', 'BACKLOG'),
      col('Ready', 'TODO', 6),
      col('Creative', 'IN_PROGRESS', 4),
      col('Approval', 'IN_PROGRESS', 2, 'HARD'),
      col('Scheduled', 'IN_PROGRESS', 6),
      col('Live', 'DONE'),
    ],
    swimlanes: [
      { name: 'Email', wipLimit: null },
      { name: 'Paid media', wipLimit: null },
      { name: 'Events', wipLimit: null },
    ],
  },
  'growth-experiments': {
    key: 'growth-experiments',
    name: 'Growth experiments',
    description: 'Hypotheses tested one small batch at a time, and what was learned.',
    suits: 'MARKETING',
    columns: [
      col('Hypotheses', 'BACKLOG'),
      col('Prioritised', 'TODO', 5),
      col('Building', 'IN_PROGRESS', 3),
      col('Running', 'IN_PROGRESS', 3, 'HARD'),
      col('Analysing', 'IN_PROGRESS', 2),
      col('Learned', 'DONE'),
    ],
    swimlanes: [
      { name: 'Acquisition', wipLimit: 2 },
      { name: 'Activation', wipLimit: 2 },
      { name: 'Retention', wipLimit: 2 },
    ],
  },
  'development-flow': {
    key: 'development-flow',
    name: 'Development flow',
    description: 'Stories through build, code review and test to release.',
    suits: 'DEVELOPMENT',
    columns: [
      col('Backlog', 'BACKLOG'),
      col('Ready', 'TODO', 8),
      col('In development', 'IN_PROGRESS', 4),
      col('Code review', 'IN_PROGRESS', 2, 'HARD'),
      col('Testing', 'IN_PROGRESS', 3),
      col('Released', 'DONE'),
    ],
    swimlanes: [
      { name: 'Features', wipLimit: null },
      { name: 'Bugs', wipLimit: null },
      { name: 'Expedite', wipLimit: 1 },
    ],
  },
};

/** The template a team of this kind is offered first. */
export function defaultTemplateFor(kind: 'MARKETING' | 'DEVELOPMENT' | 'OTHER'): BoardTemplateKey {
  return kind === 'DEVELOPMENT' ? 'development-flow' : 'content-marketing';
}
