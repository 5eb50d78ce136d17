import { useEffect, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { useApiQuery, useErrorText } from '../../api/useApi';
import { formatDateTime } from '../../format/dates';
import { graphql } from '../../graphql/client';
import { OutputSelect, TemplateSelect, usePrintJob, useTemplates } from './common';
import { JobResult } from './PrintPanel';
import { MARK_POSTED, QueuedLabel, STALE_QUEUE, StaleQueue } from './queries';
import type { OutputChoice } from './selection';

/** Why a label is stale, and what the slot shows now. */
const Reason = ({ item }: { item: QueuedLabel }) => {
  const translate = useTranslate();
  const reason = item.label.staleReason;
  if (reason === 'SLOT_CHANGED') {
    return <span>{item.nowOnSlotSkuCode ? translate('xp.labels.reason_slot_now', { sku: item.nowOnSlotSkuCode }) : translate('xp.labels.reason_slot_empty')}</span>;
  }
  return <span>{translate(reason ? `xp.enums.StaleReason.${reason}` : 'xp.common.none')}</span>;
};

/** Confirms the labels of a shelf are on the shelf (markLabelsPosted). */
const MarkPostedButton = ({ labelIds }: { labelIds: string[] }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const mark = async () => {
    setBusy(true);
    try {
      await graphql(MARK_POSTED, { input: { labelIds } });
      notify('xp.labels.posted', { type: 'success', messageArgs: { count: labelIds.length } });
      await queryClient.invalidateQueries({ queryKey: ['xp'] });
    } catch (error) {
      notify(errorText(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" startIcon={<DoneAllIcon />} onClick={mark} disabled={busy} data-testid="mark-posted">
      {translate('xp.labels.mark_posted')}
    </Button>
  );
};

/**
 * The venue's reprint queue by zone and shelf: labels whose slot or price changed since they were
 * printed, with one click to print them all again (a stale-only job); and printed labels still
 * to be confirmed on the shelf. `canPrint`: showroom staff and the operator admin.
 */
export const ReprintQueue = ({ venueId, canPrint }: { venueId: string; canPrint: boolean }) => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const { data, isPending, error } = useApiQuery<StaleQueue>('staleLabels', STALE_QUEUE, { venueId });
  const { templates } = useTemplates(canPrint ? venueId : undefined);
  const [templateId, setTemplateId] = useState('');
  const [output, setOutput] = useState<OutputChoice>('PDF');
  const { print, job, isPending: printing } = usePrintJob();
  useEffect(() => {
    if (templates.length && !templates.some((t) => t.id === templateId)) setTemplateId(templates[0].id);
  }, [templates, templateId]);
  if (error) return <Alert severity="error">{errorText(error)}</Alert>;
  if (isPending || !data) return <Skeleton variant="rectangular" height={160} />;
  const shelves = data.zones.flatMap((z) => z.shelves.map((s) => ({ zone: z, shelf: s })));
  const stale = shelves.filter((s) => s.shelf.stale.length);
  const awaiting = shelves.filter((s) => s.shelf.awaitingPosting.length);
  return (
    <Stack spacing={2}>
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap">
            <Typography variant="h6" data-testid="stale-count">{translate('xp.labels.stale_count', { count: data.staleCount })}</Typography>
            <Chip size="small" label={translate('xp.labels.awaiting_count', { count: data.awaitingPostingCount })} />
          </Stack>
          {canPrint && data.staleCount > 0 && (
            <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mt: 2 }}>
              <TemplateSelect templates={templates} value={templateId} onChange={setTemplateId} />
              <OutputSelect value={output} onChange={setOutput} />
              <Button
                variant="contained"
                startIcon={<PrintIcon />}
                disabled={!templateId || printing}
                onClick={() => print({ venueId, templateId, output, selection: { staleOnly: true } })}
                data-testid="reprint-stale"
              >
                {translate('xp.labels.reprint_stale')}
              </Button>
            </Stack>
          )}
          {job && <JobResult job={job} />}
          {data.staleCount === 0 && <Alert severity="success" sx={{ mt: 2 }}>{translate('xp.labels.queue_empty')}</Alert>}
        </CardContent>
      </Card>
      {stale.map(({ zone, shelf }) => (
        <Card key={shelf.shelfId} variant="outlined" data-testid={`stale-shelf-${shelf.shelfCode}`}>
          <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {zone.zoneCode} {zone.zoneName} · {shelf.shelfCode}
            </Typography>
            <Table size="small" data-testid="stale-labels">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('xp.labels.col.slot')}</TableCell>
                  <TableCell>{translate('xp.labels.col.printed')}</TableCell>
                  <TableCell>{translate('xp.labels.col.reason')}</TableCell>
                  <TableCell>{translate('xp.labels.col.stale_since')}</TableCell>
                  <TableCell align="right">{translate('xp.labels.col.stale_scans')}</TableCell>
                  <TableCell>{translate('xp.labels.col.code')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shelf.stale.map((item) => (
                  <TableRow key={item.label.id}>
                    <TableCell>{item.slotCode}</TableCell>
                    <TableCell>
                      {item.skuCode} · {item.title}
                    </TableCell>
                    <TableCell>
                      <Reason item={item} />
                    </TableCell>
                    <TableCell>{formatDateTime(item.label.staleAt)}</TableCell>
                    <TableCell align="right">{item.label.staleScans ?? 0}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{item.label.code}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ))}
      {awaiting.length > 0 && (
        <Box>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>{translate('xp.labels.awaiting_title')}</Typography>
          {awaiting.map(({ zone, shelf }) => (
            <Card key={shelf.shelfId} variant="outlined" sx={{ mb: 1 }} data-testid={`awaiting-shelf-${shelf.shelfCode}`}>
              <CardContent>
                <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
                  <Typography variant="subtitle2">
                    {zone.zoneCode} · {shelf.shelfCode}
                  </Typography>
                  {shelf.awaitingPosting.map((item) => (
                    <Chip key={item.label.id} size="small" variant="outlined" label={`${item.slotCode} · ${item.skuCode}`} title={`${item.title} · ${formatDateTime(item.label.printedAt)}`} />
                  ))}
                  <Box sx={{ flex: 1 }} />
                  {canPrint && <MarkPostedButton labelIds={shelf.awaitingPosting.map((i) => i.label.id)} />}
                </Stack>
              </CardContent>
            </Card>
          ))}
        </Box>
      )}
    </Stack>
  );
};
