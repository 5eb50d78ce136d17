import { useState } from 'react';
import { Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { lastDayOf, lastMonth, PERIOD_PRESETS, periodOf, PeriodPreset, presetOf } from '../format/periods';

/**
 * The period a report page shows, from a preset (本月, 上月, 今年) or two days typed; a page
 * linked with ?from=&to= opens on those days (`linked`, as customFromLink reads them).
 */
export function usePeriod(initial: PeriodPreset = 'lastMonth', linked: { first: string; last: string } | null = null) {
  const [preset, setPreset] = useState<PeriodPreset>(linked ? presetOf(linked) : initial);
  const [custom, setCustom] = useState(() => {
    if (linked) return linked;
    const start = lastMonth();
    return { first: start.from, last: lastDayOf(start) };
  });
  const period = periodOf(preset, custom);
  return { preset, setPreset, custom, setCustom, period };
}

/** 本月 / 上月 / 今年 / 自定义 (two dates, the last one included), with the period spelled out. */
export const PeriodPicker = ({ state }: { state: ReturnType<typeof usePeriod> }) => {
  const translate = useTranslate();
  const { preset, setPreset, custom, setCustom, period } = state;
  return (
    <Stack direction="row" spacing={1.5} alignItems="center" useFlexGap flexWrap="wrap">
      <ToggleButtonGroup size="small" exclusive value={preset} onChange={(_, v: PeriodPreset | null) => v && setPreset(v)} data-testid="period-picker">
        {PERIOD_PRESETS.map((p) => (
          <ToggleButton key={p} value={p} data-testid={`period-${p}`}>{translate(`xp.reports.period.${p}`)}</ToggleButton>
        ))}
      </ToggleButtonGroup>
      {preset === 'custom' && (
        <>
          <TextField type="date" size="small" label={translate('xp.reports.period.first')} value={custom.first} onChange={(e) => setCustom({ ...custom, first: e.target.value })} InputLabelProps={{ shrink: true }} inputProps={{ 'data-testid': 'period-first' }} sx={{ width: 170 }} />
          <TextField type="date" size="small" label={translate('xp.reports.period.last')} value={custom.last} onChange={(e) => setCustom({ ...custom, last: e.target.value })} InputLabelProps={{ shrink: true }} inputProps={{ 'data-testid': 'period-last' }} sx={{ width: 170 }} />
        </>
      )}
      <Typography variant="body2" color="text.secondary" data-testid="period-text">
        {period ? translate('xp.reports.period.range', { first: period.from, last: lastDayOf(period) }) : translate('xp.reports.period.invalid')}
      </Typography>
    </Stack>
  );
};
