import { Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { usePermissions, useTranslate } from 'react-admin';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { useApiQuery } from '../../api/useApi';
import { useCurrentVenue } from '../../components/venue';
import { LABEL_PRINTERS } from '../../layout/menuLinks';
import { STALE_COUNT } from './queries';

/** Home figure of showroom staff and the operator admin: the venue's stale labels, leading to the reprint queue. */
export const StaleLabelsFigure = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const allowed = hasAnyRole(permissions, LABEL_PRINTERS);
  const { venueId, venue } = useCurrentVenue();
  const { data, isPending, error } = useApiQuery<{ staleCount: number; awaitingPostingCount: number }>('staleLabelCount', STALE_COUNT, { venueId }, { enabled: allowed && !!venueId });
  if (!allowed || !venueId) return null;
  const value = isPending ? <Skeleton width={48} /> : error || !data ? translate('xp.common.none') : data.staleCount;
  const hint = [venue?.name, data?.awaitingPostingCount ? translate('xp.labels.awaiting_count', { count: data.awaitingPostingCount }) : null].filter(Boolean).join(' · ');
  return (
    <Card variant="outlined" sx={{ minWidth: 160, flex: '1 1 160px' }}>
      <CardActionArea component={RouterLink} to="/label-printing?tab=queue">
        <CardContent>
          <Typography variant="body2" color="text.secondary">{translate('xp.labels.figure_stale')}</Typography>
          <Typography variant="h4" component="div" data-testid="figure-stale-labels" sx={{ fontVariantNumeric: 'tabular-nums', color: data?.staleCount ? 'warning.dark' : undefined }}>
            {value}
          </Typography>
          {hint && <Typography variant="caption" color="text.secondary">{hint}</Typography>}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
