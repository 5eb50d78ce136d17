import { useCallback, useRef, useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import { newUuid } from '../api/ids';
import type { XpDataProvider } from '../dataProvider';

/**
 * Runs a workflow mutation of a resource (dataProvider.run) pessimistically: the button waits
 * for the API's answer, then the page refreshes and a notice says what happened. Money and
 * workflow actions always go this way — never react-admin's undoable mode, which would send
 * the mutation seconds later.
 *
 * `idempotent` (every stock-changing mutation): the input gets an `idempotencyKey`, a UUID made
 * once for the form and sent again on a retry after a failure (a lost answer replays the first
 * result instead of moving the goods twice); a new key is made after each success.
 */
export function useRunAction(resource: string, action: string, { successMessage, idempotent = false }: { successMessage: string; idempotent?: boolean }) {
  const dataProvider = useDataProvider<XpDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [isPending, setPending] = useState(false);
  const key = useRef<string>(newUuid());
  const run = useCallback(
    async (input: Record<string, unknown>): Promise<any> => {
      setPending(true);
      try {
        const { data } = await dataProvider.run(resource, action, idempotent ? { ...input, idempotencyKey: key.current } : input);
        if (idempotent) key.current = newUuid();
        notify(successMessage, { type: 'success' });
        refresh();
        return data;
      } catch (error) {
        const body = (error as { body?: { errors?: Record<string, unknown> } }).body;
        notify((body?.errors?.root as { serverError?: string } | undefined)?.serverError ?? (error as Error).message ?? 'ra.notification.http_error', { type: 'error' });
        throw error;
      } finally {
        setPending(false);
      }
    },
    [dataProvider, resource, action, notify, refresh, successMessage, idempotent],
  );
  return { run, isPending };
}
