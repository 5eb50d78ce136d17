import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Grid,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import DeleteIcon from '@mui/icons-material/Delete';
import { Confirm, Labeled, Show, TopToolbar, useCanAccess, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { DateTimeField } from '../../components/fields';
import { Text } from '../../components/stockFields';
import { useRunAction } from '../../components/useRunAction';
import { formatMoney } from '../../format/money';
import { MONEY, toFen } from './queries';
import { PriceSheetStatusField } from './PriceSheetList';

interface Tier {
  minQuantity: number;
  supplyPrice: string;
  wholesalePrice: string | null;
}

export interface SheetLine {
  id: string;
  lineNo: number;
  sku: { id: string; code: string; attributes: Record<string, string>; moq: number; unit: string; product?: { titleZh: string; brand?: { name: string } | null } };
  tiers: Tier[];
  retailPrice: string;
  requestedFloor: string | null;
  decision: 'APPROVED' | 'REJECTED' | null;
  decisionReason: string | null;
  floorStatus: 'PENDING' | 'APPROVED' | 'REJECTED' | null;
  floorReason: string | null;
  currentVersion: { sheetVersionNo: number; effectiveFrom: string; retailPrice: string; floorPrice: string | null; tiers: Tier[] } | null;
  change: { supplyPercent: number | null; retailPercent: number | null; wholesalePercent: number | null; large: boolean; thresholdBasisPoints: number };
  suggestedWholesaleTiers: { minQuantity: number; unitPrice: string }[] | null;
}

/** +5.26 % / −3.00 % (the API gives percent with two decimals). */
export const percentText = (p: number | null | undefined) => (p === null || p === undefined ? '—' : `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p).toFixed(2)}%`);

const TiersText = ({ tiers, unit, wholesale }: { tiers: Tier[]; unit: string; wholesale?: boolean }) => (
  <Box>
    {tiers.map((t) => (
      <Typography key={t.minQuantity} variant="body2" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        ≥{t.minQuantity}{unit} {formatMoney(t.supplyPrice)}
        {wholesale && t.wholesalePrice ? ` → ${formatMoney(t.wholesalePrice)}` : ''}
      </Typography>
    ))}
  </Box>
);

interface LineReview {
  decision: 'APPROVED' | 'REJECTED';
  reason: string;
  wholesale: string[];
  rejectFloor: boolean;
  floorReason: string;
}

/** Problems of the wholesale tiers the reviewer typed, before the API sees them. */
export function wholesaleProblems(line: Pick<SheetLine, 'tiers' | 'retailPrice' | 'requestedFloor'>, wholesale: string[]): string[] {
  const problems: string[] = [];
  const retail = toFen(line.retailPrice);
  const floor = toFen(line.requestedFloor);
  wholesale.forEach((w, i) => {
    if (w.trim() === '') return;
    const fen = toFen(w);
    if (fen === null) return problems.push('money');
    const supply = toFen(line.tiers[i]?.supplyPrice);
    if (supply !== null && fen < supply) problems.push('below_supply');
    if (retail !== null && fen > retail) problems.push('above_retail');
    if (floor !== null && fen < floor) problems.push('below_floor');
  });
  return [...new Set(problems)];
}

const initialReview = (line: SheetLine): LineReview => ({
  decision: 'APPROVED',
  reason: '',
  wholesale: line.tiers.map((t) => line.suggestedWholesaleTiers?.find((s) => s.minQuantity === t.minQuantity)?.unitPrice ?? line.currentVersion?.tiers.find((c) => c.minQuantity === t.minQuantity)?.wholesalePrice ?? ''),
  rejectFloor: false,
  floorReason: '',
});

/**
 * The pricing reviewer's screen: each line beside the price in force, the change in percent,
 * flags for large changes, floors and rule problems, approve or reject per line with a reason,
 * the wholesale tiers pre-filled from the markup policy. One review is sent for the whole
 * sheet with the version seen (another reviewer first → CONFLICT).
 */
const ReviewTable = ({ lines }: { lines: SheetLine[] }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [reviews, setReviews] = useState<Record<string, LineReview>>({});
  const [open, setOpen] = useState(false);
  const review = useRunAction('priceSheets', 'review', { successMessage: 'xp.pricing.reviewed' });
  useEffect(() => setReviews(Object.fromEntries(lines.map((l) => [l.id, initialReview(l)]))), [lines]);
  const set = (id: string, patch: Partial<LineReview>) => setReviews((r) => ({ ...r, [id]: { ...r[id], ...patch } }));
  const missingReason = lines.some((l) => reviews[l.id]?.decision === 'REJECTED' && !reviews[l.id].reason.trim());
  const badMoney = lines.some((l) => (reviews[l.id]?.wholesale ?? []).some((w) => w.trim() !== '' && !MONEY.test(w.trim())));
  const approved = lines.filter((l) => reviews[l.id]?.decision === 'APPROVED').length;
  if (!record) return null;
  const submit = () => {
    const input = {
      id: record.id,
      version: record.version,
      approveUnlisted: false,
      lines: lines.map((l) => {
        const r = reviews[l.id];
        const wholesale = r.wholesale.map((w) => w.trim());
        return {
          lineId: l.id,
          decision: r.decision,
          reason: r.reason.trim() || undefined,
          wholesaleTiers: r.decision === 'APPROVED' && wholesale.every((w) => w !== '') ? l.tiers.map((t, i) => ({ minQuantity: t.minQuantity, unitPrice: wholesale[i] })) : undefined,
          floorDecision: r.decision === 'APPROVED' && l.requestedFloor && r.rejectFloor ? 'REJECTED' : undefined,
          floorReason: r.decision === 'APPROVED' && l.requestedFloor && r.rejectFloor ? r.floorReason.trim() || undefined : undefined,
        };
      }),
    };
    review.run(input).then(() => setOpen(false), () => setOpen(false));
  };
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="price-review">
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>{translate('xp.pricing.review_title')}</Typography>
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('xp.pricing.sku')}</TableCell>
                <TableCell>{translate('xp.pricing.current')}</TableCell>
                <TableCell>{translate('xp.pricing.proposed')}</TableCell>
                <TableCell>{translate('xp.pricing.change')}</TableCell>
                <TableCell>{translate('xp.pricing.wholesale')}</TableCell>
                <TableCell>{translate('xp.pricing.decision')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {lines.map((l) => {
                const r = reviews[l.id];
                if (!r) return null;
                const problems = wholesaleProblems(l, r.wholesale);
                return (
                  <TableRow key={l.id} data-testid={`review-line-${l.sku.code}`} sx={{ verticalAlign: 'top', bgcolor: l.change.large ? 'rgba(255,179,0,0.08)' : undefined }}>
                    <TableCell>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>{l.sku.code}</Typography>
                      <Typography variant="caption" color="text.secondary">{l.sku.product?.titleZh} {Object.values(l.sku.attributes ?? {}).join(' / ')}</Typography>
                    </TableCell>
                    <TableCell>
                      {l.currentVersion ? (
                        <>
                          <TiersText tiers={l.currentVersion.tiers} unit={l.sku.unit} wholesale />
                          <Typography variant="caption" color="text.secondary">{translate('xp.pricing.retail')} {formatMoney(l.currentVersion.retailPrice)} · v{l.currentVersion.sheetVersionNo}</Typography>
                        </>
                      ) : (
                        <Chip size="small" label={translate('xp.pricing.first_price')} />
                      )}
                    </TableCell>
                    <TableCell>
                      <TiersText tiers={l.tiers} unit={l.sku.unit} />
                      <Typography variant="caption" color="text.secondary" component="div">{translate('xp.pricing.retail')} {formatMoney(l.retailPrice)}</Typography>
                      {l.requestedFloor && <Chip size="small" color="secondary" variant="outlined" label={translate('xp.pricing.floor_requested', { price: formatMoney(l.requestedFloor) })} sx={{ mt: 0.5 }} />}
                    </TableCell>
                    <TableCell>
                      <Tooltip title={translate('xp.pricing.threshold', { percent: (l.change.thresholdBasisPoints / 100).toFixed(0) })}>
                        <Box>
                          <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>{translate('xp.pricing.supply_short')} {percentText(l.change.supplyPercent)}</Typography>
                          <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>{translate('xp.pricing.retail')} {percentText(l.change.retailPercent)}</Typography>
                          {l.change.large && <Chip size="small" color="warning" label={translate('xp.pricing.large_change')} data-testid="large-change" />}
                        </Box>
                      </Tooltip>
                    </TableCell>
                    <TableCell>
                      <Stack spacing={0.5}>
                        {l.tiers.map((t, i) => (
                          <TextField
                            key={t.minQuantity}
                            size="small"
                            label={`≥${t.minQuantity}${l.sku.unit}`}
                            value={r.wholesale[i] ?? ''}
                            disabled={r.decision !== 'APPROVED'}
                            onChange={(e) => set(l.id, { wholesale: r.wholesale.map((w, j) => (j === i ? e.target.value : w)) })}
                            error={r.wholesale[i]?.trim() !== '' && !MONEY.test(r.wholesale[i]?.trim() ?? '')}
                            inputProps={{ inputMode: 'decimal', style: { width: 90 } }}
                          />
                        ))}
                        {problems.map((p) => (
                          <Chip key={p} size="small" color="error" label={translate(`xp.pricing.problems.${p}`)} data-testid="rule-problem" />
                        ))}
                        {r.wholesale.some((w) => w.trim() === '') && r.decision === 'APPROVED' && (
                          <Typography variant="caption" color="text.secondary">{translate('xp.pricing.policy_fills')}</Typography>
                        )}
                      </Stack>
                    </TableCell>
                    <TableCell>
                      <ToggleButtonGroup size="small" exclusive value={r.decision} onChange={(_e, v) => v && set(l.id, { decision: v })}>
                        <ToggleButton value="APPROVED" color="success" data-testid="line-approve">{translate('xp.pricing.approve')}</ToggleButton>
                        <ToggleButton value="REJECTED" color="error" data-testid="line-reject">{translate('xp.pricing.reject')}</ToggleButton>
                      </ToggleButtonGroup>
                      {r.decision === 'REJECTED' && (
                        <TextField
                          size="small"
                          fullWidth
                          sx={{ mt: 1, minWidth: 200 }}
                          label={translate('xp.common.reason_required')}
                          value={r.reason}
                          onChange={(e) => set(l.id, { reason: e.target.value })}
                          error={!r.reason.trim()}
                        />
                      )}
                      {r.decision === 'APPROVED' && l.requestedFloor && (
                        <Box sx={{ mt: 1 }}>
                          <ToggleButtonGroup size="small" exclusive value={r.rejectFloor ? 'REJECT' : 'SECOND'} onChange={(_e, v) => v && set(l.id, { rejectFloor: v === 'REJECT' })}>
                            <ToggleButton value="SECOND">{translate('xp.pricing.floor_to_second')}</ToggleButton>
                            <ToggleButton value="REJECT">{translate('xp.pricing.floor_reject')}</ToggleButton>
                          </ToggleButtonGroup>
                          {r.rejectFloor && (
                            <TextField size="small" fullWidth sx={{ mt: 1 }} label={translate('xp.common.reason_required')} value={r.floorReason} onChange={(e) => set(l.id, { floorReason: e.target.value })} error={!r.floorReason.trim()} />
                          )}
                        </Box>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
        <Stack direction="row" spacing={2} alignItems="center" sx={{ mt: 2 }}>
          <Button variant="contained" disabled={missingReason || badMoney || review.isPending} onClick={() => setOpen(true)} data-testid="review-submit">
            {translate('xp.pricing.submit_review')}
          </Button>
          <Typography variant="body2" color="text.secondary">{translate('xp.pricing.review_summary', { approved, rejected: lines.length - approved })}</Typography>
        </Stack>
        <Confirm isOpen={open} loading={review.isPending} title="xp.pricing.confirm_review" content="xp.pricing.confirm_review_content" onConfirm={submit} onClose={() => setOpen(false)} />
      </CardContent>
    </Card>
  );
};

/** The second reviewer decides the requested floors (four eyes). */
const FloorDecisions = ({ lines }: { lines: SheetLine[] }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const pending = useMemo(() => lines.filter((l) => l.floorStatus === 'PENDING'), [lines]);
  const [decisions, setDecisions] = useState<Record<string, { decision: 'APPROVED' | 'REJECTED'; reason: string }>>({});
  const decide = useRunAction('priceSheets', 'decideFloors', { successMessage: 'xp.pricing.floors_decided' });
  useEffect(() => setDecisions(Object.fromEntries(pending.map((l) => [l.id, { decision: 'APPROVED' as const, reason: '' }]))), [pending]);
  if (!record || pending.length === 0) return null;
  const invalid = pending.some((l) => decisions[l.id]?.decision === 'REJECTED' && !decisions[l.id].reason.trim());
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="floor-review">
      <CardContent>
        <Typography variant="h6">{translate('xp.pricing.floor_title')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('xp.pricing.floor_hint')}</Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('xp.pricing.sku')}</TableCell>
              <TableCell>{translate('xp.pricing.proposed')}</TableCell>
              <TableCell>{translate('xp.pricing.floor')}</TableCell>
              <TableCell>{translate('xp.pricing.decision')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {pending.map((l) => {
              const d = decisions[l.id];
              if (!d) return null;
              return (
                <TableRow key={l.id}>
                  <TableCell>{l.sku.code} {l.sku.product?.titleZh} {l.sku.product?.brand ? `· ${l.sku.product.brand.name}` : ''}</TableCell>
                  <TableCell><TiersText tiers={l.tiers} unit={l.sku.unit} wholesale /> {translate('xp.pricing.retail')} {formatMoney(l.retailPrice)}</TableCell>
                  <TableCell>{formatMoney(l.requestedFloor)}</TableCell>
                  <TableCell>
                    <ToggleButtonGroup size="small" exclusive value={d.decision} onChange={(_e, v) => v && setDecisions({ ...decisions, [l.id]: { ...d, decision: v } })}>
                      <ToggleButton value="APPROVED" color="success">{translate('xp.pricing.approve')}</ToggleButton>
                      <ToggleButton value="REJECTED" color="error">{translate('xp.pricing.reject')}</ToggleButton>
                    </ToggleButtonGroup>
                    {d.decision === 'REJECTED' && (
                      <TextField size="small" fullWidth sx={{ mt: 1 }} label={translate('xp.common.reason_required')} value={d.reason} onChange={(e) => setDecisions({ ...decisions, [l.id]: { ...d, reason: e.target.value } })} error={!d.reason.trim()} />
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        <Button
          variant="contained"
          sx={{ mt: 2 }}
          disabled={invalid || decide.isPending}
          onClick={() => decide.run({ id: record.id, version: record.version, lines: pending.map((l) => ({ lineId: l.id, decision: decisions[l.id].decision, reason: decisions[l.id].reason.trim() || undefined })) }).catch(() => undefined)}
        >
          {translate('xp.pricing.decide_floors')}
        </Button>
      </CardContent>
    </Card>
  );
};

/** The lines as they stand: proposal, decision, wholesale tiers set, reasons (what the factory reads). */
const LinesTable = ({ lines }: { lines: SheetLine[] }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, overflowX: 'auto' }}>
      <Table size="small" data-testid="price-lines">
        <TableHead>
          <TableRow>
            <TableCell>{translate('xp.pricing.sku')}</TableCell>
            <TableCell>{translate('xp.pricing.tiers')}</TableCell>
            <TableCell>{translate('xp.pricing.retail')}</TableCell>
            <TableCell>{translate('xp.pricing.floor')}</TableCell>
            <TableCell>{translate('xp.pricing.change')}</TableCell>
            <TableCell>{translate('xp.pricing.decision')}</TableCell>
            <TableCell>{translate('xp.pricing.reason')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((l) => (
            <TableRow key={l.id} sx={{ verticalAlign: 'top' }}>
              <TableCell>{l.sku.code}<Typography variant="caption" color="text.secondary" component="div">{l.sku.product?.titleZh}</Typography></TableCell>
              <TableCell><TiersText tiers={l.tiers} unit={l.sku.unit} wholesale /></TableCell>
              <TableCell>{formatMoney(l.retailPrice)}</TableCell>
              <TableCell>
                {l.requestedFloor ? formatMoney(l.requestedFloor) : translate('xp.common.none')}
                {l.floorStatus && <Chip size="small" sx={{ ml: 1 }} label={translate(`xp.enums.PriceFloorStatus.${l.floorStatus}`)} />}
              </TableCell>
              <TableCell>{percentText(l.change.supplyPercent)} {l.change.large && <Chip size="small" color="warning" label={translate('xp.pricing.large_change')} />}</TableCell>
              <TableCell>{l.decision ? <Chip size="small" color={l.decision === 'APPROVED' ? 'success' : 'error'} label={translate(`xp.enums.PriceLineDecision.${l.decision}`)} /> : translate('xp.pricing.undecided')}</TableCell>
              <TableCell>{[l.decisionReason, l.floorReason].filter(Boolean).join('；') || translate('xp.common.none')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const FactoryActions = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const redirect = useRedirect();
  const [confirm, setConfirm] = useState<'submit' | 'remove' | null>(null);
  const { canAccess } = useCanAccess({ resource: 'priceSheets', action: 'submit', record });
  const submit = useRunAction('priceSheets', 'submit', { successMessage: 'xp.pricing.submitted' });
  const remove = useRunAction('priceSheets', 'remove', { successMessage: 'xp.pricing.deleted' });
  if (!record || !canAccess || record.status !== 'DRAFT') return null;
  return (
    <>
      <Button color="error" startIcon={<DeleteIcon />} onClick={() => setConfirm('remove')}>{translate('ra.action.delete')}</Button>
      <Button variant="contained" startIcon={<SendIcon />} onClick={() => setConfirm('submit')} data-testid="submit-sheet">{translate('xp.pricing.submit')}</Button>
      <Confirm
        isOpen={confirm !== null}
        loading={submit.isPending || remove.isPending}
        title={confirm === 'remove' ? 'xp.pricing.confirm_delete' : 'xp.pricing.confirm_submit'}
        content={confirm === 'remove' ? 'xp.pricing.confirm_delete_content' : 'xp.pricing.confirm_submit_content'}
        onConfirm={() =>
          confirm === 'remove'
            ? remove.run({ id: record.id }).then(() => redirect('list', 'priceSheets'), () => setConfirm(null))
            : submit.run({ id: record.id }).then(() => setConfirm(null), () => setConfirm(null))
        }
        onClose={() => setConfirm(null)}
      />
    </>
  );
};

const NO_LINES: SheetLine[] = [];

const Body = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess: mayReview } = useCanAccess({ resource: 'priceSheets', action: 'review', record });
  const lines = useMemo(() => (record?.lines?.items ?? NO_LINES) as SheetLine[], [record?.lines]);
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="factory"><Text path="factory.name" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="venue"><Text path="venue.name" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 2 }}><Labeled source="versionNo"><span>v{record.versionNo}</span></Labeled></Grid>
        <Grid size={{ xs: 6, md: 2 }}><Labeled source="status"><PriceSheetStatusField /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 2 }}><Labeled source="effectiveFrom"><Text path="effectiveFrom" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="submittedAt"><DateTimeField source="submittedAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="reviewedAt"><DateTimeField source="reviewedAt" /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 6 }}><Labeled source="note"><Text path="note" /></Labeled></Grid>
      </Grid>
      {record.lines?.total > lines.length && <Alert severity="info">{translate('xp.pricing.first_lines', { shown: lines.length, total: record.lines.total })}</Alert>}
      {record.status === 'SUBMITTED' && mayReview ? <ReviewTable lines={lines} /> : <LinesTable lines={lines} />}
      {record.status === 'FLOOR_REVIEW' && mayReview && <FloorDecisions lines={lines} />}
    </Box>
  );
};

export const PriceSheetShow = () => (
  <Show actions={<TopToolbar sx={{ gap: 1 }}><FactoryActions /></TopToolbar>}>
    <Body />
  </Show>
);
