import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useGetOne, usePermissions, useTranslate } from 'react-admin';
import { hasAnyRole, ownOrganization, Permissions, portalOf } from '../access/permissions';
import { CountFigure, Figures, LaterFigures, RecentAudit, Section, VenueCards } from './widgets';

const Greeting = ({ permissions }: { permissions: Permissions }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Box sx={{ mb: 3 }}>
      <Typography variant="h5" sx={{ mb: 1 }}>{translate('xp.home.greeting', { name: identity?.fullName ?? '' })}</Typography>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
        {permissions.memberships.map((m) => (
          <Chip key={m.id} size="small" label={`${translate(`xp.roles.${m.role}`)} · ${m.organization.name}`} />
        ))}
      </Stack>
    </Box>
  );
};

const PlatformHome = () => (
  <>
    <Figures>
      <CountFigure label="xp.home.venues" resource="venues" to="/venues" />
      <CountFigure label="xp.home.regions" resource="regions" to="/regions" />
      <CountFigure label="xp.home.operators" resource="organizations" filter={{ kind: 'OPERATOR' }} to="/organizations" />
      <CountFigure label="xp.home.factories" resource="organizations" filter={{ kind: 'FACTORY' }} to="/organizations" />
      <CountFigure label="xp.home.users" resource="users" to="/users" />
    </Figures>
    <LaterFigures keys={['occupancy', 'gmv', 'spread', 'scans', 'stock_value', 'approval_latency']} />
    <RecentAudit />
  </>
);

const RegionalHome = () => (
  <>
    <Figures>
      <CountFigure label="xp.home.venues" resource="venues" to="/venues" />
      <CountFigure label="xp.home.regions" resource="regions" to="/regions" />
    </Figures>
    <VenueCards title="xp.home.my_venues" />
    <LaterFigures keys={['region_report', 'occupancy', 'gmv', 'spread', 'scans', 'approval_latency']} />
  </>
);

const GovernmentHome = () => (
  <>
    <VenueCards title="xp.home.my_venues" />
    <LaterFigures keys={['venue_report', 'occupancy', 'gmv', 'scans']} />
  </>
);

const OperatorHome = ({ permissions }: { permissions: Permissions }) => {
  const admin = hasAnyRole(permissions, ['OPERATOR_ADMIN']);
  const org = ownOrganization(permissions, ['OPERATOR']);
  return (
    <>
      <VenueCards title="xp.home.my_venues" />
      {admin && org && (
        <Figures>
          <CountFigure label="xp.home.my_users" resource="users" filter={{ organizationId: org.id }} to="/users" />
        </Figures>
      )}
      <LaterFigures keys={['pending_factories', 'pending_price_sheets', 'stale_labels', 'open_orders', 'stock_value', 'occupancy']} />
      {admin && <RecentAudit />}
    </>
  );
};

const OrganizationCard = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const { data } = useGetOne('organizations', { id });
  if (!data) return null;
  return (
    <Section title="xp.home.organization">
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }} data-testid="own-organization">{data.name}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('resources.organizations.fields.creditCode')}: {data.creditCode ?? translate('xp.common.none')}
          </Typography>
          {data.industryBelt && (
            <Typography variant="body2" color="text.secondary">
              {translate('resources.organizations.fields.industryBelt')}: {data.industryBelt}
            </Typography>
          )}
          <Typography variant="body2" color="text.secondary">
            {translate('resources.organizations.fields.contactName')}: {data.contactName ?? translate('xp.common.none')} {data.contactPhone ?? ''}
          </Typography>
        </CardContent>
      </Card>
    </Section>
  );
};

const FactoryHome = ({ permissions }: { permissions: Permissions }) => {
  const org = ownOrganization(permissions, ['FACTORY']);
  return (
    <>
      {org && <OrganizationCard id={org.id} />}
      {org && hasAnyRole(permissions, ['FACTORY_ADMIN']) && (
        <Figures>
          <CountFigure label="xp.home.my_users" resource="users" filter={{ organizationId: org.id }} to="/users" />
        </Figures>
      )}
      <LaterFigures keys={['applications', 'products', 'price_sheets', 'stock', 'orders', 'settlements', 'scans']} />
    </>
  );
};

/** The home screen: what this role watches, and marked places for the figures still to come. */
export const Home = () => {
  const { permissions, isPending } = usePermissions<Permissions>();
  const translate = useTranslate();
  if (isPending || !permissions) return null;
  const portal = portalOf(permissions);
  return (
    <Box sx={{ p: 2 }} data-portal={portal}>
      <Title title={translate('xp.home.title')} />
      <Greeting permissions={permissions} />
      {portal === 'platform' && <PlatformHome />}
      {portal === 'regional' && <RegionalHome />}
      {portal === 'government' && <GovernmentHome />}
      {portal === 'operator' && <OperatorHome permissions={permissions} />}
      {portal === 'factory' && <FactoryHome permissions={permissions} />}
    </Box>
  );
};
