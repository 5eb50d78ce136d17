import { useLocaleState, useTranslate } from 'react-admin';
import { hasMessage } from '../i18n';

/**
 * A label for a code that comes as data (an audit action such as `venue.created`): its
 * translation under `prefix` when there is one, else the code itself — data, not a missing key.
 */
export function useCodeLabel(prefix: string) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (code: string | null | undefined) => (code && hasMessage(locale, `${prefix}.${code}`) ? translate(`${prefix}.${code}`) : (code ?? ''));
}
