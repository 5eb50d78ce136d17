import { Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useCanAccess, useGetList, useTranslate } from 'react-admin';
import { OPEN_ORDER_STATUSES } from './rules';

const one = { pagination: { page: 1, perPage: 1 } };

/**
 * Orders still open at the user's venues (awaiting payment, paid, shipped): the API's totals
 * of one-row pages per status, summed; each status links to its filtered list.
 */
export const OpenOrdersFigure = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'salesOrders', action: 'list' });
  const enabled = { enabled: !!canAccess };
  const placed = useGetList('salesOrders', { ...one, filter: { status: 'PLACED' } }, enabled);
  const paid = useGetList('salesOrders', { ...one, filter: { status: 'PAID' } }, enabled);
  const shipped = useGetList('salesOrders', { ...one, filter: { status: 'SHIPPED' } }, enabled);
  if (!canAccess) return null;
  // In the order of OPEN_ORDER_STATUSES.
  const all = [placed, paid, shipped];
  const pending = all.some((r) => r.isPending);
  const failed = all.some((r) => r.error);
  const total = all.reduce((sum, r) => sum + (r.total ?? 0), 0);
  return (
    <Card variant="outlined" sx={{ minWidth: 160, flex: '1 1 160px' }}>
      <CardActionArea component={RouterLink} to="/salesOrders">
        <CardContent>
          <Typography variant="body2" color="text.secondary">{translate('xp.sales.open_orders')}</Typography>
          <Typography variant="h4" component="div" data-testid="figure-open-orders" sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {pending ? <Skeleton width={48} /> : failed ? translate('xp.common.none') : total}
          </Typography>
          {!pending && !failed && (
            <Typography variant="caption" color="text.secondary">
              {OPEN_ORDER_STATUSES.map((s, i) => `${translate(`xp.enums.SalesOrderStatus.${s}`)} ${all[i].total ?? 0}`).join(' · ')}
            </Typography>
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
