import { Link } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useCanAccess, useCreatePath, useRecordContext, useTranslate } from 'react-admin';

/**
 * The name of a related object the record already carries (venue.operator), linked to its
 * show page when the user may open it. Saves a reference fetch per row.
 */
export const LinkedName = ({ source, reference, field = 'name' }: { source: string; reference: string; field?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const related = record?.[source] as { id: string; [key: string]: unknown } | null | undefined;
  const { canAccess } = useCanAccess({ resource: reference, action: 'show', record: related ?? undefined });
  if (!related) return <span>{translate('xp.common.none')}</span>;
  const text = String(related[field] ?? '');
  if (!canAccess) return <span>{text}</span>;
  return (
    <Link component={RouterLink} to={createPath({ resource: reference, id: related.id, type: 'show' })} onClick={(e) => e.stopPropagation()}>
      {text}
    </Link>
  );
};
