import { create } from 'zustand';
import { meSchema, type Me } from '@amb/shared/auth';
import { api, ApiError } from '../lib/api-client';
import { queryClient } from './query-client';

type Status = 'unknown' | 'signed-in' | 'signed-out';

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

export const useAuthStore = create<AuthState>()((set) => ({
  status: 'unknown',
  me: null,
  async load() {
    try {
      const me = await api('GET', '/auth/me', { schema: meSchema });
      set({ status: 'signed-in', me });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) set({ status: 'signed-out', me: null });
      else throw error;
    }
  },
  async signIn(email, password) {
    const me = await api('POST', '/auth/sign-in', { body: { email, password }, schema: meSchema });
    queryClient.clear();
    set({ status: 'signed-in', me });
  },
  async signUp(email, name, password) {
    const me = await api('POST', '/auth/sign-up', { body: { email, name, password }, schema: meSchema });
    queryClient.clear();
    set({ status: 'signed-in', me });
  },
  async signOut() {
    await api('POST', '/auth/sign-out');
    queryClient.clear();
    set({ status: 'signed-out', me: null });
  },
  forget() {
    queryClient.clear();
    set({ status: 'signed-out', me: null });
  },
}));
