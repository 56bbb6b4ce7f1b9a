import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchWatchers, setWatching } from './api';

/** Who hears about the card's comments, and the button to start or stop watching it. */
export function CardWatchers({ cardId }: { cardId: string }) {
  const queryClient = useQueryClient();
  const key = ['cards', cardId, 'watchers'] as const;
  const watchers = useQuery({ queryKey: key, queryFn: () => fetchWatchers(cardId) });
  const change = useMutation({
    mutationFn: (watching: boolean) => setWatching(cardId, watching),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  if (!watchers.data) return null;
  const names = watchers.data.watchers.map((w) => w.name);
  return (
    <section aria-labelledby="watchers-title" className="panel-section card-watchers">
      <h3 id="watchers-title">Watching</h3>
      <p className="muted">{names.length ? names.join(', ') : 'No one watches this card yet.'}</p>
      <button
        type="button"
        onClick={() => change.mutate(!watchers.data.watching)}
        disabled={change.isPending}
        aria-pressed={watchers.data.watching}
      >
        {watchers.data.watching ? 'Stop watching' : 'Watch'}
      </button>
      {change.isError && (
        <p role="alert" className="error">
          {change.error.message}
        </p>
      )}
    </section>
  );
}
