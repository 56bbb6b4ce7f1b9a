import { useQuery } from '@tanstack/react-query';
import { fetchMe } from './api';

/** The signed-in person with their roles, read for the admin screens' own decisions. */
export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: fetchMe }).data ?? null;
}
