import { useCallback, useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { XpDataProvider } from '../dataProvider';

/**
 * Runs a workflow mutation of a resource (dataProvider.run) pessimistically: the button waits
 * for the API's answer, then the page refreshes and a notice says what happened. Money and
 * workflow actions always go this way — never react-admin's undoable mode, which would send
 * the mutation seconds later.
 */
export function useRunAction(resource: string, action: string, { successMessage }: { successMessage: string }) {
  const dataProvider = useDataProvider<XpDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [isPending, setPending] = useState(false);
  const run = useCallback(
    async (input: Record<string, unknown>): Promise<unknown> => {
      setPending(true);
      try {
        const { data } = await dataProvider.run(resource, action, input);
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
    [dataProvider, resource, action, notify, refresh, successMessage],
  );
  return { run, isPending };
}
