import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const COLOURS: Record<string, 'default' | 'info' | 'warning' | 'success' | 'error'> = {
  DRAFT: 'default',
  SUBMITTED: 'info',
  CHANGES_REQUESTED: 'warning',
  APPROVED: 'success',
  REJECTED: 'error',
  SUSPENDED: 'error',
};

/** An application's status as a coloured chip. */
export const VenueFactoryStatusField = ({ source = 'status' }: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const status = record?.[source] as string | undefined;
  if (!status) return null;
  return <Chip size="small" color={COLOURS[status] ?? 'default'} label={translate(`xp.enums.VenueFactoryStatus.${status}`)} data-testid="status-chip" />;
};
