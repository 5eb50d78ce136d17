import type { ReactNode } from 'react';
import { Box, Card, CardActionArea, CardContent, Chip, List as MuiList, ListItem, ListItemText, Skeleton, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';
import { useCodeLabel } from '../components/useCodeLabel';
import { formatDateTime } from '../format/dates';

/** A number the role watches, counted by the API (`total` of a one-row page), linking to its list. */
export const CountFigure = ({ label, resource, filter = {}, to }: { label: string; resource: string; filter?: Record<string, unknown>; to?: string }) => {
  const translate = useTranslate();
  const { total, isPending, error } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter });
  const body = (
    <CardContent>
      <Typography variant="body2" color="text.secondary">{translate(label)}</Typography>
      <Typography variant="h4" component="div" data-testid={`figure-${resource}`} sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {isPending ? <Skeleton width={48} /> : error ? translate('xp.common.none') : total}
      </Typography>
    </CardContent>
  );
  return <Card variant="outlined" sx={{ minWidth: 160, flex: '1 1 160px' }}>{to ? <CardActionArea component={RouterLink} to={to}>{body}</CardActionArea> : body}</Card>;
};

export const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 3 }}>
      <Typography variant="h6" sx={{ mb: 1 }}>{translate(title)}</Typography>
      {children}
    </Box>
  );
};

export const Figures = ({ children }: { children: ReactNode }) => (
  <Section title="xp.home.figures">
    <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2}>{children}</Stack>
  </Section>
);

/** The venues this user sees, each linking to its page. */
export const VenueCards = ({ title }: { title: string }) => {
  const { data = [], isPending } = useGetList('venues', { pagination: { page: 1, perPage: 12 }, sort: { field: 'code', order: 'ASC' } });
  const translate = useTranslate();
  return (
    <Section title={title}>
      {isPending ? (
        <Skeleton height={80} />
      ) : (
        <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2}>
          {data.map((v) => (
            <Card key={v.id} variant="outlined" sx={{ minWidth: 260, flex: '1 1 260px' }}>
              <CardActionArea component={RouterLink} to={`/venues/${v.id}/show`}>
                <CardContent>
                  <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{v.name}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {v.code} · {v.city} · {v.categoryFocus}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">{v.operator?.name}</Typography>
                  <Chip size="small" sx={{ mt: 1 }} label={translate(`xp.enums.VenueStatus.${v.status}`)} color={v.status === 'ACTIVE' ? 'success' : 'default'} />
                </CardContent>
              </CardActionArea>
            </Card>
          ))}
        </Stack>
      )}
    </Section>
  );
};

/** The latest audit events this user may see. */
export const RecentAudit = () => {
  const translate = useTranslate();
  const actionLabel = useCodeLabel('xp.audit.actions');
  const entityLabel = useCodeLabel('xp.audit.entities');
  const { data = [], isPending } = useGetList('auditEvents', { pagination: { page: 1, perPage: 5 }, sort: { field: 'occurredAt', order: 'DESC' } });
  return (
    <Section title="xp.home.recent_audit">
      <Card variant="outlined">
        {isPending ? (
          <Skeleton height={80} />
        ) : data.length === 0 ? (
          <CardContent><Typography variant="body2" color="text.secondary">{translate('xp.home.no_audit')}</Typography></CardContent>
        ) : (
          <MuiList dense>
            {data.map((e) => (
              <ListItem key={e.id}>
                <ListItemText primary={`${actionLabel(e.action)} · ${entityLabel(e.entityType)}`} secondary={formatDateTime(e.occurredAt)} />
              </ListItem>
            ))}
          </MuiList>
        )}
      </Card>
    </Section>
  );
};
