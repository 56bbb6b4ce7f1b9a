import type { z } from 'zod';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setPersonWipLimitBodySchema, type PersonWip, type SetPersonWipLimitBody } from '@amb/shared/person-wip';
import { ApiError } from '../../lib/api-client';
import { setPersonWipLimit } from './api';
import { peopleWipKey } from './people-wip';

/** Sets a person's WIP limit across every board (soft warns, hard refuses). */
export function PersonWipForm({
  boardId,
  person,
  isMe,
  onClose,
}: {
  boardId: string;
  person: PersonWip;
  isMe: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState } = useForm<
    z.input<typeof setPersonWipLimitBodySchema>,
    unknown,
    SetPersonWipLimitBody
  >({
    resolver: zodResolver(setPersonWipLimitBodySchema),
    defaultValues: { wipLimit: person.wipLimit, wipPolicy: person.wipPolicy },
  });
  const save = useMutation({
    mutationFn: (body: SetPersonWipLimitBody) => setPersonWipLimit(person.userId, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleWipKey(boardId) });
      onClose();
    },
  });
  const error =
    formState.errors.wipLimit?.message ??
    (save.error instanceof ApiError ? save.error.message : save.error ? 'Could not save the limit' : null);
  return (
    <form
      className="person-wip-form"
      aria-label={isMe ? 'My WIP limit' : `WIP limit of ${person.name}`}
      onSubmit={handleSubmit((body) => save.mutate(body))}
    >
      <label>
        Most cards in progress
        <input
          type="number"
          min={1}
          max={99}
          placeholder="No limit"
          autoFocus
          {...register('wipLimit', { setValueAs: (v: string) => (v === '' || v === null ? null : Number(v)) })}
        />
      </label>
      <label>
        Policy
        <select {...register('wipPolicy')}>
          <option value="SOFT">Soft (warn)</option>
          <option value="HARD">Hard (refuse)</option>
        </select>
      </label>
      <button type="submit" disabled={save.isPending}>
        Save
      </button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
      {error && (
        <p className="field-error" role="alert">
          WIP limit {error}
        </p>
      )}
    </form>
  );
}
