import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useLogoutIfAccessDenied, useTranslate } from 'react-admin';
import { errorMessage, translateFieldMessage } from '../dataProvider/errors';
import { ApiError, graphql } from '../graphql/client';

/**
 * One GraphQL query for a page of its own (slot map, occupancy, stock age), answering its root
 * field `result`. It lives in react-admin's query client, so a refresh (after any action)
 * fetches it again; UNAUTHENTICATED signs out as everywhere else.
 */
export function useApiQuery<T>(name: string, query: string, variables: Record<string, unknown>, { enabled = true }: { enabled?: boolean } = {}) {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const result = useQuery({
    queryKey: ['xp', name, variables],
    queryFn: ({ signal }) => graphql<{ result: T }>(query, variables, { signal }).then((d) => d.result),
    enabled,
    retry: false,
  });
  const error = result.error;
  useEffect(() => {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') void logoutIfAccessDenied({ status: 401 });
  }, [error, logoutIfAccessDenied]);
  return result;
}

/** What the user reads for a failed call, in the user's language. */
export function useErrorText() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const text = errorMessage(error, translate, locale);
      if (!error.fields.length) return text;
      return `${text} ${error.fields.map((f) => translateFieldMessage(f.message, translate, locale)).join('; ')}`;
    }
    return translate('xp.errors.INTERNAL');
  };
}
