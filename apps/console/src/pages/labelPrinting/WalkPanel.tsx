import { useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, MenuItem, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { useApiQuery, useErrorText } from '../../api/useApi';
import { formatDateTime, shanghaiDay } from '../../format/dates';
import { graphql } from '../../graphql/client';
import { SLOT_MAP, SlotMapData } from '../../resources/slots/queries';
import { checkAdvice, FINISH_WALK, LabelCheck, RESULT_COLOUR, START_WALK, VERIFY_LABEL, Walk, WALKS } from './walks';

/** The shelves of the venue by id → code (walks name their shelf by id). */
function useShelves(venueId: string) {
  const { data } = useApiQuery<SlotMapData>('slotMap', SLOT_MAP, { venueId, date: shanghaiDay() });
  return useMemo(() => (data?.zones ?? []).flatMap((z) => z.shelves.map((s) => ({ id: s.shelf.id, code: s.shelf.code, zone: `${z.zone.code} ${z.zone.name}` }))), [data]);
}

const Counts = ({ walk }: { walk: Walk }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" data-testid="walk-counts">
      <Chip size="small" label={translate('xp.labels.walk.checked', { count: walk.labelsChecked })} />
      <Chip size="small" color="success" label={translate('xp.labels.walk.current', { count: walk.currentFound })} />
      <Chip size="small" color="warning" label={translate('xp.labels.walk.stale', { count: walk.staleFound })} />
      <Chip size="small" label={translate('xp.labels.walk.retired', { count: walk.retiredFound })} />
      <Chip size="small" color="error" variant="outlined" label={translate('xp.labels.walk.unknown', { count: walk.unknownFound })} />
    </Stack>
  );
};

/** One scanned label: current, stale (and what to do), retired or unknown. */
const CheckRow = ({ check }: { check: LabelCheck }) => {
  const translate = useTranslate();
  const advice = checkAdvice(check);
  return (
    <TableRow data-testid={`walk-check-${check.result}`}>
      <TableCell>
        <Chip size="small" color={RESULT_COLOUR[check.result]} label={translate(`xp.enums.LabelCheckResult.${check.result}`)} />
      </TableCell>
      <TableCell>{check.slotCode ?? ''}</TableCell>
      <TableCell>{[check.skuCode, check.title].filter(Boolean).join(' · ')}</TableCell>
      <TableCell>{translate(advice.key, advice.args)}</TableCell>
      <TableCell sx={{ fontFamily: 'monospace' }}>{check.code}</TableCell>
    </TableRow>
  );
};

/**
 * The verify walk of showroom staff: start along a shelf, scan (or type) each label's code — a
 * handheld scanner types it and presses Enter — and see at once whether it is current; finish
 * to record the walk. Below, the venue's recent walks.
 */
export const WalkPanel = ({ venueId, canWalk }: { venueId: string; canWalk: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const shelves = useShelves(venueId);
  const shelfCode = (id: string | null) => (id ? (shelves.find((s) => s.id === id)?.code ?? '') : translate('xp.common.none'));
  const walks = useApiQuery<{ total: number; items: Walk[] }>('labelWalks', WALKS, { venueId });
  const [shelfId, setShelfId] = useState('');
  const [walk, setWalk] = useState<Walk | null>(null);
  const [checks, setChecks] = useState<LabelCheck[]>([]);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const call = async <T,>(query: string, variables: Record<string, unknown>): Promise<T | null> => {
    setBusy(true);
    try {
      return (await graphql<{ result: T }>(query, variables)).result;
    } catch (error) {
      notify(errorText(error), { type: 'error' });
      return null;
    } finally {
      setBusy(false);
    }
  };
  const start = async () => {
    const started = await call<Walk>(START_WALK, { input: { venueId, shelfId: shelfId || undefined } });
    if (started) {
      setWalk(started);
      setChecks([]);
      setTimeout(() => input.current?.focus(), 0);
    }
  };
  const verify = async () => {
    if (!walk || !code.trim()) return;
    const answer = await call<{ check: LabelCheck; walk: Walk }>(VERIFY_LABEL, { input: { walkId: walk.id, code: code.trim() } });
    if (answer) {
      setWalk(answer.walk);
      setChecks((previous) => [answer.check, ...previous]);
      setCode('');
    }
    input.current?.focus();
  };
  const finish = async () => {
    if (!walk) return;
    const finished = await call<Walk>(FINISH_WALK, { input: { walkId: walk.id } });
    if (finished) {
      setWalk(finished);
      notify('xp.labels.walk.finished', { type: 'success', messageArgs: { count: finished.labelsChecked, stale: finished.staleFound } });
      await queryClient.invalidateQueries({ queryKey: ['xp'] });
    }
  };

  return (
    <Stack spacing={2}>
      {canWalk && (
        <Card variant="outlined" data-testid="walk-card">
          <CardContent>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>{translate('xp.labels.walk.title')}</Typography>
            {!walk || walk.status === 'FINISHED' ? (
              <>
                {walk && (
                  <Alert severity={walk.staleFound ? 'warning' : 'success'} sx={{ mb: 2 }} data-testid="walk-summary">
                    {translate('xp.labels.walk.summary', { shelf: shelfCode(walk.shelfId), count: walk.labelsChecked, stale: walk.staleFound })}
                  </Alert>
                )}
                <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap">
                  <TextField select fullWidth={false} size="small" sx={{ minWidth: 220 }} label={translate('xp.labels.walk.shelf')} value={shelfId} onChange={(e) => setShelfId(e.target.value)} data-testid="walk-shelf">
                    <MenuItem value="">{translate('xp.labels.walk.shelf_first_scan')}</MenuItem>
                    {shelves.map((s) => (
                      <MenuItem key={s.id} value={s.id}>
                        {s.code}（{s.zone}）
                      </MenuItem>
                    ))}
                  </TextField>
                  <Button variant="contained" startIcon={<DirectionsWalkIcon />} onClick={start} disabled={busy} data-testid="walk-start">
                    {translate('xp.labels.walk.start')}
                  </Button>
                </Stack>
              </>
            ) : (
              <>
                <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
                  <TextField
                    inputRef={input}
                    autoFocus
                    fullWidth={false}
                    size="small"
                    sx={{ minWidth: 320 }}
                    label={translate('xp.labels.walk.scan')}
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') void verify();
                    }}
                    slotProps={{ htmlInput: { 'data-testid': 'walk-code' } }}
                  />
                  <Button variant="outlined" onClick={verify} disabled={busy || !code.trim()} data-testid="walk-verify">
                    {translate('xp.labels.walk.check')}
                  </Button>
                  <Box sx={{ flex: 1 }} />
                  <Button variant="contained" onClick={finish} disabled={busy} data-testid="walk-finish">
                    {translate('xp.labels.walk.finish')}
                  </Button>
                </Stack>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  {translate('xp.labels.walk.along', { shelf: shelfCode(walk.shelfId) })}
                </Typography>
                <Counts walk={walk} />
              </>
            )}
            {checks.length > 0 && (
              <Table size="small" sx={{ mt: 2 }} data-testid="walk-checks">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('xp.labels.col.status')}</TableCell>
                    <TableCell>{translate('xp.labels.col.slot')}</TableCell>
                    <TableCell>{translate('xp.labels.col.printed')}</TableCell>
                    <TableCell>{translate('xp.labels.walk.what_to_do')}</TableCell>
                    <TableCell>{translate('xp.labels.col.code')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {checks.map((c, i) => (
                    <CheckRow key={`${c.code}-${checks.length - i}`} check={c} />
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      )}
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>{translate('xp.labels.walk.history')}</Typography>
          {walks.error ? (
            <Alert severity="error">{errorText(walks.error)}</Alert>
          ) : walks.isPending || !walks.data ? (
            <Skeleton variant="rectangular" height={80} />
          ) : !walks.data.total ? (
            <Typography color="text.secondary">{translate('xp.labels.walk.none')}</Typography>
          ) : (
            <Table size="small" data-testid="walk-history">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('xp.labels.col.created')}</TableCell>
                  <TableCell>{translate('xp.labels.col.by')}</TableCell>
                  <TableCell>{translate('xp.labels.walk.shelf')}</TableCell>
                  <TableCell align="right">{translate('xp.labels.walk.col_checked')}</TableCell>
                  <TableCell align="right">{translate('xp.labels.walk.col_stale')}</TableCell>
                  <TableCell>{translate('xp.labels.col.status')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {walks.data.items.map((w) => (
                  <TableRow key={w.id} data-testid="walk-row">
                    <TableCell>{formatDateTime(w.startedAt)}</TableCell>
                    <TableCell>{w.startedByName ?? translate('xp.common.none')}</TableCell>
                    <TableCell>{shelfCode(w.shelfId)}</TableCell>
                    <TableCell align="right">{w.labelsChecked}</TableCell>
                    <TableCell align="right">{w.staleFound}</TableCell>
                    <TableCell>{translate(`xp.enums.LabelWalkStatus.${w.status}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
};
