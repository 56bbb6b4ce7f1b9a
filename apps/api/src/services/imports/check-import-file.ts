import type { ImportNote, ImportSkip, StartImportBody } from '@amb/shared/imports';
import { AppError } from '../../lib/app-error';
import { planImport } from './read-import-file';

export interface ImportCheckInput {
  body: StartImportBody;
  boardColumns: string[];
}

/** A checked file: its plan as JSON text (stored as it is), with what the request needs to answer. */
export type ImportCheck =
  | { ok: true; planJson: string; total: number; replaceColumns: boolean; skipped: ImportSkip[]; notes: ImportNote[] }
  | { ok: false; field: string; message: string };

/**
 * Decodes and checks an import file whole and turns it into a plan: the CPU-heavy half of starting an import, run
 * in a worker thread (import-checker.ts). A file that cannot be imported comes back as a refusal naming the field.
 */
export async function checkImportFile({ body, boardColumns }: ImportCheckInput): Promise<ImportCheck> {
  try {
    const plan = await planImport(body, boardColumns);
    return {
      ok: true,
      planJson: JSON.stringify(plan),
      total: plan.cards.length,
      replaceColumns: plan.replaceColumns,
      skipped: plan.skipped,
      notes: plan.notes,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
      const field = error.extra.fields?.[0]?.field ?? 'body.content';
      return { ok: false, field, message: error.message };
    }
    throw error;
  }
}
