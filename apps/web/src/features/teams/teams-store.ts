import { create } from 'zustand';
import { teamListSchema, type Team } from '@amb/shared/teams';
import { api } from '../../lib/api-client';

interface TeamsState {
  teams: Team[] | null;
  error: string | null;
  load(): Promise<void>;
}

export const useTeamsStore = create<TeamsState>()((set) => ({
  teams: null,
  error: null,
  async load() {
    try {
      const { teams } = await api('GET', '/teams', { schema: teamListSchema });
      set({ teams, error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));
