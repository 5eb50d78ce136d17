import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useGetOne, usePermissions, useTranslate } from 'react-admin';
import { hasAnyRole, ownOrganization, Permissions, portalOf } from '../access/permissions';
import { shanghaiDay } from '../format/dates';
import { OpenOrdersFigure } from '../resources/salesOrders/HomeFigures';
import { ApplicationStatuses, ListCount, OccupancyFigure, SlotFigures, StockUnitsFigure } from './figures';
import { FactoryReportFigures, GovernmentReportFigures, OperatorReportFigures, PlatformReportFigures, RegionalReportFigures } from './reportFigures';
import { StaleLabelsFigure } from '../pages/labelPrinting/StaleLabelsFigure';
import { CountFigure, Figures, RecentAudit, Section, VenueCards } from './widgets';

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
      <ListCount label="xp.home.pending_factories" resource="venueFactories" filter={{ status: 'SUBMITTED' }} testId="figure-pending-factories" />
      <ListCount label="xp.home.pending_price_sheets" resource="priceSheets" filter={{ status: 'SUBMITTED' }} testId="figure-pending-price-sheets" />
    </Figures>
    <PlatformReportFigures />
    <RecentAudit />
  </>
);

const RegionalHome = () => (
  <>
    <Figures>
      <CountFigure label="xp.home.venues" resource="venues" to="/venues" />
      <CountFigure label="xp.home.regions" resource="regions" to="/regions" />
      <ListCount label="xp.home.pending_factories" resource="venueFactories" filter={{ status: 'SUBMITTED' }} testId="figure-pending-factories" />
      <ListCount label="xp.home.pending_price_sheets" resource="priceSheets" filter={{ status: 'SUBMITTED' }} testId="figure-pending-price-sheets" />
      <OccupancyFigure />
    </Figures>
    <RegionalReportFigures />
    <VenueCards title="xp.home.my_venues" />
  </>
);

const GovernmentHome = () => (
  <>
    <VenueCards title="xp.home.my_venues" />
    <Figures>
      <OccupancyFigure />
    </Figures>
    <GovernmentReportFigures />
  </>
);

const OperatorHome = ({ permissions }: { permissions: Permissions }) => {
  const admin = hasAnyRole(permissions, ['OPERATOR_ADMIN']);
  const stockKeeper = hasAnyRole(permissions, ['OPERATOR_ADMIN', 'WAREHOUSE_STAFF']);
  const org = ownOrganization(permissions, ['OPERATOR']);
  return (
    <>
      <Figures>
        <ListCount label="xp.home.pending_factories" resource="venueFactories" filter={{ status: 'SUBMITTED' }} testId="figure-pending-factories" />
        <ListCount label="xp.home.pending_price_sheets" resource="priceSheets" filter={{ status: 'SUBMITTED' }} testId="figure-pending-price-sheets" />
        <ListCount label="xp.home.pending_floors" resource="priceSheets" filter={{ status: 'FLOOR_REVIEW' }} testId="figure-pending-floors" />
        <SlotFigures />
        <ListCount label="xp.home.pending_slot_requests" resource="slotRequests" filter={{ status: 'PENDING' }} testId="figure-pending-slot-requests" />
        {stockKeeper && <ListCount label="xp.home.receipts_to_receive" resource="consignmentReceipts" filter={{ status: 'DECLARED' }} testId="figure-receipts-to-receive" />}
        {stockKeeper && <ListCount label="xp.home.counts_to_approve" resource="stockCounts" filter={{ status: 'SUBMITTED' }} testId="figure-counts-to-approve" />}
        <OpenOrdersFigure />
        {admin && org && <CountFigure label="xp.home.my_users" resource="users" filter={{ organizationId: org.id }} to="/users" />}
        <StaleLabelsFigure />
      </Figures>
      <VenueCards title="xp.home.my_venues" />
      <OperatorReportFigures />
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
      <ApplicationStatuses />
      <Figures>
        <CountFigure label="xp.home.my_products" resource="products" to="/products" />
        <CountFigure label="xp.home.my_skus" resource="skus" to="/skus" />
        <StockUnitsFigure />
        <ListCount label="xp.home.receipts_declared" resource="consignmentReceipts" filter={{ status: 'DECLARED' }} testId="figure-receipts-declared" />
        <ListCount label="xp.home.sheets_in_review" resource="priceSheets" filter={{ status: 'SUBMITTED' }} testId="figure-sheets-in-review" />
        <ListCount label="xp.home.my_slots" resource="slotAssignments" filter={{ status: 'LIVE', activeOn: shanghaiDay() }} testId="figure-my-slots" />
        <ListCount label="xp.settlement.awaiting_confirmation" resource="settlements" filter={{ status: 'ISSUED' }} testId="figure-settlements-to-confirm" />
        {org && hasAnyRole(permissions, ['FACTORY_ADMIN']) && <CountFigure label="xp.home.my_users" resource="users" filter={{ organizationId: org.id }} to="/users" />}
      </Figures>
      {org && <FactoryReportFigures factoryId={org.id} />}
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
