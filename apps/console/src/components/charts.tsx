import type { ReactNode } from 'react';
import { Box, Card, CardContent, CardHeader, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { barShare, changeSign, FigureKind, FigureValue, formatFigure, maxOf, stackShares } from './chartScale';

/**
 * Charts drawn with plain MUI boxes (no chart library): a figure beside its previous period is a
 * pair of bars, stock age one stacked bar. Money bars are proportioned on integer fen
 * (components/chartScale.ts).
 */

export type { FigureKind, FigureValue } from './chartScale';

/** How a figure moved: ▲ +12.5% (counts, money), ▲ +3.0 个百分点 (rates), ▼ -2.0 (hours). */
export const ChangeText = ({ kind, figure }: { kind: FigureKind; figure: FigureValue }) => {
  const translate = useTranslate();
  const sign = changeSign(kind, figure);
  const muted = (text: string) => (
    <Typography component="span" variant="caption" color="text.secondary" data-testid="figure-change">{text}</Typography>
  );
  if (figure.change === null || figure.change === undefined) return muted('—');
  let text: string;
  if (kind === 'rate') {
    const change = Number(figure.change);
    text = translate('xp.reports.points', { value: `${change > 0 ? '+' : ''}${(change * 100).toFixed(1)}` });
  } else if (kind === 'hours') {
    const change = Number(figure.change);
    text = translate('xp.reports.hours_change', { value: `${change > 0 ? '+' : ''}${change.toFixed(1)}` });
  } else if (kind === 'decimal') {
    const change = Number(figure.change);
    text = `${change > 0 ? '+' : ''}${change.toFixed(1)}`;
  } else if (figure.changeRate === null || figure.changeRate === undefined) {
    if (sign === 0) return muted('±0');
    text = translate('xp.reports.from_zero');
  } else {
    text = `${figure.changeRate > 0 ? '+' : ''}${(figure.changeRate * 100).toFixed(1)}%`;
  }
  return (
    <Typography component="span" variant="caption" sx={{ color: sign > 0 ? 'success.main' : sign < 0 ? 'error.main' : 'text.secondary', fontWeight: 600 }} data-testid="figure-change">
      {sign > 0 ? '▲ ' : sign < 0 ? '▼ ' : ''}
      {text}
    </Typography>
  );
};

/** One figure: this period, the previous one and the change. */
export const ReportFigure = ({ label, kind, figure, testId, hint, previousLabel = 'xp.reports.previous' }: { label: string; kind: FigureKind; figure: FigureValue | null | undefined; testId?: string; hint?: ReactNode; previousLabel?: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ minWidth: 170, flex: '1 1 170px' }} data-testid={testId}>
      <CardContent sx={{ pb: '12px !important' }}>
        <Typography variant="body2" color="text.secondary">{translate(label)}</Typography>
        <Typography variant="h5" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="figure-value">
          {figure ? formatFigure(kind, figure.value) : '—'}
        </Typography>
        {figure && (
          <Stack direction="row" spacing={1} alignItems="baseline" useFlexGap flexWrap="wrap">
            <Typography variant="caption" color="text.secondary">{translate(previousLabel, { value: formatFigure(kind, figure.previous) })}</Typography>
            <ChangeText kind={kind} figure={figure} />
          </Stack>
        )}
        {hint && <Typography variant="caption" color="text.secondary" component="div">{hint}</Typography>}
      </CardContent>
    </Card>
  );
};

export interface CompareRow {
  key: string;
  label: ReactNode;
  value: number | string | null;
  previous: number | string | null;
}

/** Each row as two bars: this period (coloured) over the previous one (grey). */
export const CompareBars = ({ title, kind, rows, testId }: { title: string; kind: FigureKind; rows: CompareRow[]; testId?: string }) => {
  const translate = useTranslate();
  const max = maxOf(kind, rows.flatMap((r) => [r.value, r.previous]));
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={testId}>
      <CardHeader title={<Typography variant="subtitle1">{translate(title)}</Typography>} subheader={<Legend />} sx={{ pb: 0 }} />
      <CardContent>
        {rows.length === 0 ? (
          <Typography variant="body2" color="text.secondary">{translate('xp.reports.nothing')}</Typography>
        ) : (
          <Stack spacing={1.25}>
            {rows.map((r) => (
              <Box key={r.key} data-testid={`bar-${r.key}`}>
                <Stack direction="row" justifyContent="space-between" spacing={1}>
                  <Typography variant="body2" noWrap>{r.label}</Typography>
                  <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {formatFigure(kind, r.value)} <Typography component="span" variant="caption" color="text.secondary">/ {formatFigure(kind, r.previous)}</Typography>
                  </Typography>
                </Stack>
                <Bar share={barShare(kind, r.value, max)} colour="primary.main" height={10} />
                <Bar share={barShare(kind, r.previous, max)} colour="grey.400" height={5} />
              </Box>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

const Bar = ({ share, colour, height }: { share: number; colour: string; height: number }) => (
  <Box sx={{ height, bgcolor: 'grey.100', borderRadius: height / 2, mt: 0.5 }}>
    <Box sx={{ width: `${share}%`, height: '100%', bgcolor: colour, borderRadius: height / 2 }} />
  </Box>
);

const Swatch = ({ colour }: { colour: string }) => <Box component="span" sx={{ display: 'inline-block', width: 10, height: 10, bgcolor: colour, borderRadius: 0.5, mr: 0.5 }} />;

const Legend = () => {
  const translate = useTranslate();
  return (
    <Typography variant="caption" color="text.secondary">
      <Swatch colour="primary.main" />
      {translate('xp.reports.this_period')} <Swatch colour="grey.400" />
      {translate('xp.reports.previous_period')}
    </Typography>
  );
};

export interface StackPart {
  key: string;
  label: string;
  value: number;
  colour: string;
}

/** Parts of a whole as one stacked bar with a legend (units by stock age). */
export const StackedBar = ({ parts, testId }: { parts: StackPart[]; testId?: string }) => {
  const shares = stackShares(parts.map((p) => p.value));
  return (
    <Box data-testid={testId}>
      <Box sx={{ display: 'flex', height: 14, borderRadius: 7, overflow: 'hidden', bgcolor: 'grey.200' }}>
        {parts.map((p, i) => (
          <Tooltip key={p.key} title={`${p.label}: ${formatFigure('count', p.value)}`} disableInteractive>
            <Box sx={{ width: `${shares[i]}%`, bgcolor: p.colour }} />
          </Tooltip>
        ))}
      </Box>
      <Stack direction="row" spacing={2} sx={{ mt: 0.5 }} useFlexGap flexWrap="wrap">
        {parts.map((p) => (
          <Typography key={p.key} variant="caption" color="text.secondary">
            <Swatch colour={p.colour} />
            {p.label} {formatFigure('count', p.value)}
          </Typography>
        ))}
      </Stack>
    </Box>
  );
};
