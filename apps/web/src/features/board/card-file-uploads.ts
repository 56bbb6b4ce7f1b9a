import { create } from 'zustand';
import { queryClient } from '../../app/query-client';

/** One file on its way to a card it was dropped on. */
export interface CardFileUpload {
  id: string;
  cardId: string;
  cardTitle: string;
  fileName: string;
  sent: number;
  total: number;
  /** Why it failed, in the API's words; null while it goes. */
  error: string | null;
  cancel: () => void;
}

interface CardFileUploadsState {
  uploads: CardFileUpload[];
  /** The files that went in last, said once ("Attached brief.pdf to Launch post"). */
  done: string | null;
  attach(card: { id: string; title: string }, files: File[]): void;
  dismiss(id: string): void;
}

/**
 * Files dropped on cards on the board: each sent on its own with its progress, cancellable, and its failure kept
 * until read. The card's panel and face learn of the new file from the server (the card's queries and the live
 * board), not from here.
 */
export const useCardFileUploads = create<CardFileUploadsState>()((set, get) => ({
  uploads: [],
  done: null,
  attach(card, files) {
    // The uploader checks answers with the shared schemas; it loads with the first drop, not with the board.
    void import('../../lib/upload-file').then(({ uploadFile }) => {
      for (const file of files) {
        const id = crypto.randomUUID();
        const patch = (change: Partial<CardFileUpload>) =>
          set({ uploads: get().uploads.map((u) => (u.id === id ? { ...u, ...change } : u)) });
        const handle = uploadFile({ cardId: card.id }, file, (sent, total) => patch({ sent, total }));
        set({
          uploads: [
            ...get().uploads,
            {
              id,
              cardId: card.id,
              cardTitle: card.title,
              fileName: file.name,
              sent: 0,
              total: file.size,
              error: null,
              cancel: handle.cancel,
            },
          ],
        });
        handle.done.then(
          () => {
            set({
              uploads: get().uploads.filter((u) => u.id !== id),
              done: `Attached ${file.name} to “${card.title}”`,
            });
            void queryClient.invalidateQueries({ queryKey: ['cards'] });
          },
          (e: Error) => {
            if (e.message === 'Cancelled') set({ uploads: get().uploads.filter((u) => u.id !== id) });
            else patch({ error: e.message });
          },
        );
      }
    });
  },
  dismiss(id) {
    set({ uploads: get().uploads.filter((u) => u.id !== id) });
  },
}));
