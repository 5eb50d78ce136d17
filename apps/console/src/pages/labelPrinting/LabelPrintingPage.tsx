import { Alert, Box, Stack, Tab, Tabs } from '@mui/material';
import { useSearchParams } from 'react-router-dom';
import { Title, usePermissions, useTranslate } from 'react-admin';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { useCurrentVenue, VenueSelect } from '../../components/venue';
import { LABEL_PRINTERS } from '../../layout/menuLinks';
import { JobHistory } from './JobHistory';
import { PrintPanel } from './PrintPanel';
import { ReprintQueue } from './ReprintQueue';
import { WalkPanel } from './WalkPanel';

const TABS = ['print', 'queue', 'jobs', 'walk'] as const;
type LabelTab = (typeof TABS)[number];

/**
 * Shelf labels of a venue: print (template, zones / shelves / slots / stale-only, SVG preview,
 * PDF or ZPL), the reprint queue, the print jobs with their files, and the verify walks. The tab is in the address
 * (?tab=queue), so the home figure leads straight to the queue.
 */
export const LabelPrintingPage = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const { venueId, venues, setVenueId, isPending } = useCurrentVenue();
  const [params, setParams] = useSearchParams();
  const tab: LabelTab = TABS.includes(params.get('tab') as LabelTab) ? (params.get('tab') as LabelTab) : 'print';
  const canPrint = hasAnyRole(permissions, LABEL_PRINTERS);
  return (
    <Box sx={{ p: 2 }}>
      <Title title="xp.menu.printLabels" />
      <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
        {venues.length > 1 && <VenueSelect value={venueId} venues={venues} onChange={setVenueId} />}
        <Tabs value={tab} onChange={(_, t: LabelTab) => setParams(t === 'print' ? {} : { tab: t })}>
          {TABS.map((t) => (
            <Tab key={t} value={t} label={translate(`xp.labels.tab.${t}`)} data-testid={`tab-${t}`} />
          ))}
        </Tabs>
      </Stack>
      {!isPending && !venueId && <Alert severity="info">{translate('xp.labels.no_venue')}</Alert>}
      {venueId && tab === 'print' && canPrint && <PrintPanel key={venueId} venueId={venueId} />}
      {venueId && tab === 'print' && !canPrint && <Alert severity="info">{translate('xp.labels.print_roles')}</Alert>}
      {venueId && tab === 'queue' && <ReprintQueue key={venueId} venueId={venueId} canPrint={canPrint} />}
      {venueId && tab === 'jobs' && <JobHistory key={venueId} venueId={venueId} />}
      {venueId && tab === 'walk' && <WalkPanel key={venueId} venueId={venueId} canWalk={canPrint} />}
    </Box>
  );
};
