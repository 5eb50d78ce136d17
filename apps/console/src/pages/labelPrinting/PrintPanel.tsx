import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  FormControlLabel,
  LinearProgress,
  Pagination,
  Skeleton,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useTranslate } from 'react-admin';
import { useApiQuery, useErrorText } from '../../api/useApi';
import { shanghaiDay } from '../../format/dates';
import { ApiError } from '../../graphql/client';
import { SLOT_MAP, SlotMapData } from '../../resources/slots/queries';
import { DownloadButton, JobStatusChip, OmittedWarning, OutputSelect, SkippedList, TemplateSelect, usePrintJob, useTemplates } from './common';
import { PREVIEW, Preview, PrintJob, Skip } from './queries';
import { buildSelection, formatBytes, OutputChoice, SELECTION_MODES, SelectionMode, svgDataUrl, toggle, toggleAll } from './selection';

type Zones = SlotMapData['zones'];

/** What to print: whole zones, shelves, chosen slots (only slots showing a SKU today), or the stale labels. */
const SelectionPicker = ({ zones, mode, ids, onChange }: { zones: Zones; mode: SelectionMode; ids: string[]; onChange: (ids: string[]) => void }) => {
  const translate = useTranslate();
  if (mode === 'STALE') return <Alert severity="info">{translate('xp.labels.stale_all_hint')}</Alert>;
  if (!zones.length) return <Alert severity="info">{translate('xp.labels.no_zones')}</Alert>;
  if (mode === 'ZONES') {
    return (
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" data-testid="pick-zones">
        {zones.map((z) => (
          <FormControlLabel
            key={z.zone.id}
            control={<Checkbox size="small" checked={ids.includes(z.zone.id)} onChange={() => onChange(toggle(ids, z.zone.id))} />}
            label={`${z.zone.code} ${z.zone.name}（${translate('xp.labels.shelves_count', { count: z.shelves.length })}）`}
            data-testid={`zone-${z.zone.code}`}
          />
        ))}
      </Stack>
    );
  }
  return (
    <Stack spacing={1} data-testid={mode === 'SHELVES' ? 'pick-shelves' : 'pick-slots'}>
      {zones.map((z) => (
        <Box key={z.zone.id}>
          <Typography variant="subtitle2" color="text.secondary">
            {z.zone.code} {z.zone.name}
          </Typography>
          {mode === 'SHELVES' ? (
            <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
              {z.shelves.map((s) => (
                <FormControlLabel
                  key={s.shelf.id}
                  control={<Checkbox size="small" checked={ids.includes(s.shelf.id)} onChange={() => onChange(toggle(ids, s.shelf.id))} />}
                  label={`${s.shelf.code}（${translate('xp.labels.occupied_count', { count: s.slots.filter((x) => x.assignment).length })}）`}
                  data-testid={`shelf-${s.shelf.code}`}
                />
              ))}
            </Stack>
          ) : (
            z.shelves.map((s) => {
              const occupied = s.slots.filter((x) => x.assignment).map((x) => x.slot.id);
              return (
                <Stack key={s.shelf.id} direction="row" spacing={0.5} useFlexGap flexWrap="wrap" alignItems="center" sx={{ mb: 0.5 }}>
                  <Button size="small" onClick={() => onChange(toggleAll(ids, occupied))} disabled={!occupied.length} sx={{ minWidth: 72 }}>
                    {s.shelf.code}
                  </Button>
                  {s.slots.map((x) => (
                    <Chip
                      key={x.slot.id}
                      size="small"
                      disabled={!x.assignment}
                      color={ids.includes(x.slot.id) ? 'primary' : 'default'}
                      variant={ids.includes(x.slot.id) ? 'filled' : 'outlined'}
                      label={x.assignment ? `${x.slot.code} · ${x.assignment.sku.code}` : x.slot.code}
                      onClick={() => onChange(toggle(ids, x.slot.id))}
                      data-testid={`slot-${x.slot.code}`}
                    />
                  ))}
                </Stack>
              );
            })
          )}
        </Box>
      ))}
    </Stack>
  );
};

/** The SVG of one page of what would print (nothing is printed or written by looking). */
const PreviewCard = ({ venueId, templateId, selection, sheet }: { venueId: string; templateId: string; selection: ReturnType<typeof buildSelection>; sheet: boolean }) => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const key = JSON.stringify([templateId, selection]);
  useEffect(() => setPage(1), [key]);
  const input = { venueId, templateId, selection, page };
  const { data, isPending, error } = useApiQuery<Preview>('labelPreview', PREVIEW, { input }, { enabled: !!selection && !!templateId });
  if (!selection || !templateId) return <Alert severity="info">{translate('xp.labels.pick_first')}</Alert>;
  if (error) {
    // "Nothing to print" is the one refusal that lists the skipped slots.
    const skipped = error instanceof ApiError && Array.isArray(error.extensions.skipped) ? (error.extensions.skipped as Skip[]) : null;
    const nothing = error instanceof ApiError && error.code === 'VALIDATION_FAILED' && skipped !== null;
    return (
      <Box data-testid="label-preview-error">
        <Alert severity="warning">{nothing ? translate('xp.labels.nothing_to_print') : errorText(error)}</Alert>
        <SkippedList skipped={skipped ?? []} />
      </Box>
    );
  }
  if (isPending || !data) return <Skeleton variant="rectangular" height={220} />;
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="preview-count">
        {translate('xp.labels.preview_count', { count: data.labelCount, pages: data.pageCount })}
      </Typography>
      <Box sx={{ bgcolor: 'grey.100', p: 2, borderRadius: 1, textAlign: 'center' }}>
        <img
          src={svgDataUrl(data.svg)}
          alt={translate('xp.labels.preview_alt', { page: data.page })}
          data-testid="label-preview"
          style={{ height: sheet ? 560 : 240, maxWidth: '100%', background: '#fff', boxShadow: '0 1px 4px rgba(0,0,0,.25)' }}
        />
      </Box>
      {data.pageCount > 1 && (
        <Pagination sx={{ mt: 1, display: 'flex', justifyContent: 'center' }} count={data.pageCount} page={data.page} onChange={(_, p) => setPage(p)} size="small" data-testid="preview-pages" />
      )}
      <Typography variant="caption" color="text.secondary">{translate('xp.labels.preview_note')}</Typography>
      <OmittedWarning omitted={data.omitted} />
      <SkippedList skipped={data.skipped} />
    </Box>
  );
};

/** The job just printed: its status, counts and the file. */
export const JobResult = ({ job }: { job: PrintJob }) => {
  const translate = useTranslate();
  return (
    <Alert severity={job.status === 'DONE' ? 'success' : job.status === 'FAILED' ? 'error' : 'info'} sx={{ mt: 2 }} data-testid="job-result" action={<DownloadButton job={job} variant="contained" />}>
      <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
        <JobStatusChip status={job.status} />
        <span>{translate('xp.labels.job_summary', { count: job.labelCount, pages: job.pageCount ?? 0 })}</span>
        {job.fileName && <span>{job.fileName}（{formatBytes(job.fileSize)}）</span>}
        {job.status === 'FAILED' && <span>{translate('xp.labels.job_failed')}</span>}
      </Stack>
    </Alert>
  );
};

/** Pick the template and the slots, see the labels, print them as PDF or ZPL. */
export const PrintPanel = ({ venueId }: { venueId: string }) => {
  const translate = useTranslate();
  const { templates } = useTemplates(venueId);
  const [templateId, setTemplateId] = useState('');
  const [mode, setMode] = useState<SelectionMode>('SHELVES');
  const [ids, setIds] = useState<string[]>([]);
  const [staleOnly, setStaleOnly] = useState(false);
  const [output, setOutput] = useState<OutputChoice>('PDF');
  const { print, job, isPending } = usePrintJob();
  const map = useApiQuery<SlotMapData>('slotMap', SLOT_MAP, { venueId, date: shanghaiDay() });
  const zones = useMemo(() => map.data?.zones ?? [], [map.data]);
  useEffect(() => {
    if (templates.length && !templates.some((t) => t.id === templateId)) setTemplateId(templates[0].id);
  }, [templates, templateId]);
  useEffect(() => setIds([]), [venueId, mode]);
  const selection = buildSelection(mode, ids, staleOnly);
  const template = templates.find((t) => t.id === templateId);
  return (
    <Stack spacing={2}>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>{translate('xp.labels.step_what')}</Typography>
          <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap" alignItems="center" sx={{ mb: 2 }}>
            <TemplateSelect templates={templates} value={templateId} onChange={setTemplateId} />
            <ToggleButtonGroup size="small" exclusive value={mode} onChange={(_, m) => m && setMode(m)} data-testid="selection-mode">
              {SELECTION_MODES.map((m) => (
                <ToggleButton key={m} value={m} data-testid={`mode-${m}`}>
                  {translate(`xp.labels.mode.${m}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            {(mode === 'ZONES' || mode === 'SHELVES') && (
              <FormControlLabel control={<Checkbox size="small" checked={staleOnly} onChange={(e) => setStaleOnly(e.target.checked)} />} label={translate('xp.labels.stale_only')} data-testid="stale-only" />
            )}
          </Stack>
          {map.isPending ? <Skeleton height={80} /> : <SelectionPicker zones={zones} mode={mode} ids={ids} onChange={setIds} />}
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>{translate('xp.labels.step_preview')}</Typography>
          <PreviewCard venueId={venueId} templateId={templateId} selection={selection} sheet={template?.layout === 'SHEET'} />
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>{translate('xp.labels.step_print')}</Typography>
          <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap">
            <OutputSelect value={output} onChange={setOutput} />
            <Button
              variant="contained"
              startIcon={<PrintIcon />}
              disabled={!selection || !templateId || isPending}
              onClick={() => selection && print({ venueId, templateId, output, selection })}
              data-testid="print-button"
            >
              {translate('xp.labels.print')}
            </Button>
          </Stack>
          <Typography variant="caption" color="text.secondary">{translate('xp.labels.print_note')}</Typography>
          {isPending && (
            <Box sx={{ mt: 2 }} data-testid="job-running">
              <Typography variant="body2">{translate('xp.labels.rendering')}</Typography>
              <LinearProgress />
            </Box>
          )}
          {job && <JobResult job={job} />}
          {job && <SkippedList skipped={job.skipped} />}
          {job && <OmittedWarning omitted={job.omitted} />}
        </CardContent>
      </Card>
    </Stack>
  );
};
