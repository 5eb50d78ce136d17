import { useState, type ReactNode } from 'react';
import { Alert, Box, Button, Card, CardContent, CardHeader, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useTranslate } from 'react-admin';
import { ChangeText, ReportFigure, StackedBar } from '../../components/charts';
import { FigureKind, FigureValue, formatFigure } from '../../components/chartScale';
import { lastDayOf } from '../../format/periods';
import { useErrorText } from '../../api/useApi';
import { saveFile } from '../../graphql/files';
import { HEADLINE_SECTIONS, Headline, kindOf, ReportPeriod, StockAge } from './queries';

/** "1–31 Oct, beside 1–30 Sep": which days the figures and the comparison cover. */
export const PeriodNote = ({ period, previous }: { period: ReportPeriod; previous: ReportPeriod }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" data-testid="report-periods">
      {translate('xp.reports.compare_note', { first: period.from, last: lastDayOf(period), days: period.days, previousFirst: previous.from, previousLast: lastDayOf(previous) })}
    </Typography>
  );
};

export const ReportSection = ({ title, children, testId, action }: { title: string; children: ReactNode; testId?: string; action?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 3 }} data-testid={testId}>
      <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ mb: 1 }}>
        <Typography variant="h6">{translate(title)}</Typography>
        {action}
      </Stack>
      {children}
    </Box>
  );
};

/** The headline, section by section, each figure beside the previous period; figures the API left out (null) are not shown. */
export const HeadlineSections = ({ headline }: { headline: Headline }) => (
  <>
    {HEADLINE_SECTIONS.map((section) => {
      const shown = section.figures.filter((key) => headline[key]);
      if (shown.length === 0) return null;
      return (
        <ReportSection key={section.key} title={`xp.reports.sections.${section.key}`} testId={`section-${section.key}`}>
          <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2}>
            {shown.map((key) => (
              <ReportFigure key={key} label={`xp.reports.figures.${key}`} kind={kindOf(key)} figure={headline[key]} testId={`figure-${key}`} />
            ))}
          </Stack>
        </ReportSection>
      );
    })}
  </>
);

/** A value with its change underneath, for a table cell. */
export const FigureCell = ({ kind, figure, testId }: { kind: FigureKind; figure: FigureValue | null | undefined; testId?: string }) => (
  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={testId}>
    {figure ? (
      <>
        <div>{formatFigure(kind, figure.value)}</div>
        <ChangeText kind={kind} figure={figure} />
      </>
    ) : (
      '—'
    )}
  </TableCell>
);

const AGE_COLOURS = ['#66bb6a', '#ffb300', '#e53935'];

/** Units by stock age now and at the end of the previous period, as two stacked bars. */
export const StockAgeCard = ({ stockAge }: { stockAge: StockAge }) => {
  const translate = useTranslate();
  const parts = (which: 'value' | 'previous') =>
    (['days0To30', 'days31To90', 'over90'] as const).map((k, i) => ({ key: k, label: translate(`xp.reports.stock_age.${k}`), value: Number(stockAge[k][which] ?? 0), colour: AGE_COLOURS[i] }));
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="stock-age-chart">
      <CardHeader title={<Typography variant="subtitle1">{translate('xp.reports.stock_age.title')}</Typography>} sx={{ pb: 0 }} />
      <CardContent>
        <Typography variant="caption" color="text.secondary">{translate('xp.reports.this_period')}</Typography>
        <StackedBar parts={parts('value')} />
        <Box sx={{ mt: 2 }}>
          <Typography variant="caption" color="text.secondary">{translate('xp.reports.previous_period')}</Typography>
          <StackedBar parts={parts('previous')} />
        </Box>
        <Table size="small" sx={{ mt: 1 }}>
          <TableBody>
            {(['days0To30', 'days31To90', 'over90'] as const).map((k) => (
              <TableRow key={k}>
                <TableCell>{translate(`xp.reports.stock_age.${k}`)}</TableCell>
                <FigureCell kind="count" figure={stockAge[k]} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

/** Downloads a report's spreadsheet with the session's token; errors in the user's words. */
export const DownloadButton = ({ url, fileName, disabled }: { url: string; fileName: string; disabled?: boolean }) => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <Button
        variant="outlined"
        size="small"
        startIcon={<DownloadIcon />}
        disabled={disabled || busy}
        data-testid="download-xlsx"
        onClick={() => {
          setBusy(true);
          setError(null);
          saveFile(url, fileName)
            .catch((e: unknown) => setError(errorText(e)))
            .finally(() => setBusy(false));
        }}
      >
        {translate(busy ? 'xp.reports.downloading' : 'xp.reports.download')}
      </Button>
      {error && <Alert severity="error" sx={{ py: 0 }}>{error}</Alert>}
    </Stack>
  );
};

/** Keeps report cards in a responsive grid. */
export const ChartGrid = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))', xl: 'repeat(3, minmax(0, 1fr))' }, mb: 3 }}>{children}</Box>
);
