// Importing a board from another tool: its lists become columns, and each column needs a flow category. The
// importer suggests one from the list's name and place; the person confirms or changes it before importing.
import type { FlowCategory } from './wip';

const patterns: [RegExp, FlowCategory][] = [
  [/\b(done|complete[d]?|finished|shipped|published|launched|live|closed|archive[d]?)\b/i, 'DONE'],
  [
    /\b(doing|in[ -]?progress|wip|working|review|reviewing|qa|test(ing)?|draft(ing)?|writing|design(ing)?|approval|editing|blocked)\b/i,
    'IN_PROGRESS',
  ],
  [/\b(backlog|ideas?|icebox|someday|inbox|parking)\b/i, 'BACKLOG'],
  [/\b(to[ -]?do|next|ready|planned|up next|this week|selected|committed)\b/i, 'TODO'],
];

/** A flow category for the list named `name` at `index` of `count` lists: by its name, else by its place. */
export function suggestFlowCategory(name: string, index: number, count: number): FlowCategory {
  for (const [pattern, flow] of patterns) if (pattern.test(name)) return flow;
  if (index === 0) return 'BACKLOG';
  if (index === count - 1 && count > 1) return 'DONE';
  return 'TODO';
}
