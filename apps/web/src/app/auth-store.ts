import { create } from 'zustand';
import type { Me } from '@amb/shared/auth';
import { api, ApiError } from '../lib/api-client';
import { queryClient } from './query-client';

type Status = 'unknown' | 'signed-in' | 'signed-out';

// Who is signed in is asked on every start, so its answer is not parsed again in the browser (the API validates
// it with `meSchema`): the schema would bring zod into the first download of sign-in and the board.

interface AuthState {
  status: Status;
  me: Me | null;
  /** Asks the server who is signed in (on start-up). */
  load(): Promise<void>;
  signIn(email: string, password: string): Promise<void>;
  signUp(email: string, name: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  forget(): void;
}

export const useAuthStore = create<AuthState>()((set, get) => ({
  status: 'unknown',
  me: null,
  async load() {
    try {
      const me = await api<Me>('GET', '/auth/me');
      set({ status: 'signed-in', me });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) set({ status: 'signed-out', me: null });
      else throw error;
    }
  },
  async signIn(email, password) {
    const me = await api<Me>('POST', '/auth/sign-in', { body: { email, password } });
    queryClient.clear();
    set({ status: 'signed-in', me });
  },
  async signUp(email, name, password) {
    const me = await api<Me>('POST', '/auth/sign-up', { body: { email, name, password } });
    queryClient.clear();
    set({ status: 'signed-in', me });
  },
  async signOut() {
    await api('POST', '/auth/sign-out');
    queryClient.clear();
    set({ status: 'signed-out', me: null });
  },
  // Any 401 lands here. Only a session that has just ended empties the cache: clearing it on every 401 while
  // signed out would drop queries in flight on public pages (an invitation link) and leave them loading for ever.
  forget() {
    if (get().status === 'signed-in') queryClient.clear();
    set({ status: 'signed-out', me: null });
  },
}));
