import { useRef, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link as RouterLink } from 'react-router-dom';
import { Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { useErrorText } from '../../api/useApi';
import { useCurrentVenue, VenueSelect } from '../../components/venue';
import type { XpDataProvider } from '../../dataProvider';
import { translateFieldMessage } from '../../dataProvider/errors';
import { shanghaiDay } from '../../format/dates';
import { ApiError } from '../../graphql/client';
import { saveFile, uploadDocument } from '../../graphql/files';
import { ImportProblem, ProblemsTable } from '../catalogImport/CatalogImportPage';

interface PriceImportReport {
  ok: boolean;
  rowCount: number;
  linesImported: number;
  skippedRows: number;
  problemCount: number;
  ignoredHeaders: string[];
  problems: ImportProblem[];
  sheet: { id: string } | null;
}

/**
 * A price sheet from Excel: the template lists the factory's SKUs at the venue with the prices
 * in force; rows left without prices stay out; all rows or none, with a row-level report. The
 * result is a DRAFT to check and submit.
 */
export const PriceImportPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const errorText = useErrorText();
  const dataProvider = useDataProvider<XpDataProvider>();
  const { venueId, venues, setVenueId } = useCurrentVenue();
  const [effectiveFrom, setEffectiveFrom] = useState(shanghaiDay());
  const [note, setNote] = useState('');
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'importing' | 'done'>('idle');
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<PriceImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const start = async (file: File | undefined) => {
    if (!file || !venueId) return;
    setReport(null);
    setError(null);
    setPhase('uploading');
    try {
      const document = await uploadDocument(file, 'SPREADSHEET', setProgress);
      setPhase('importing');
      const { data } = await dataProvider.run<PriceImportReport>('priceSheets', 'importSheet', { documentId: document.id, venueId, effectiveFrom, note: note.trim() || undefined });
      setReport(data);
    } catch (e) {
      const root = (e as { body?: { errors?: { root?: { serverError?: string } } } }).body?.errors?.root?.serverError;
      setError(e instanceof ApiError ? errorText(e) : (root ?? (e as Error).message));
    } finally {
      setPhase('done');
      if (input.current) input.current.value = '';
    }
  };
  return (
    <Box sx={{ p: 2 }}>
      <Title title="xp.menu.priceImport" />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6">{translate('xp.pricing.import.title')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('xp.pricing.import.intro')}</Typography>
          <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap" alignItems="center">
            <VenueSelect value={venueId} venues={venues} onChange={setVenueId} />
            <TextField type="date" size="small" fullWidth={false} label={translate('resources.priceSheets.fields.effectiveFrom')} value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} InputLabelProps={{ shrink: true }} />
            <TextField size="small" fullWidth={false} label={translate('resources.priceSheets.fields.note')} value={note} onChange={(e) => setNote(e.target.value)} />
          </Stack>
          <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
            <Button variant="outlined" startIcon={<DownloadIcon />} disabled={!venueId} onClick={() => saveFile(`/api/price-sheets/template.xlsx?venueId=${encodeURIComponent(venueId ?? '')}`, translate('xp.pricing.import.template_name')).catch((e) => setError(errorText(e)))}>
              {translate('xp.catalog.import.download_template')}
            </Button>
            <Button variant="contained" startIcon={<UploadFileIcon />} disabled={!venueId || phase === 'uploading' || phase === 'importing'} onClick={() => input.current?.click()}>
              {translate('xp.catalog.import.choose')}
            </Button>
            <input ref={input} type="file" hidden accept=".xlsx,.csv" onChange={(e) => void start(e.target.files?.[0])} />
          </Stack>
          {phase === 'uploading' && <LinearProgress variant="determinate" value={Math.round(progress * 100)} sx={{ mt: 2 }} />}
          {phase === 'importing' && <LinearProgress sx={{ mt: 2 }} />}
          {error && <Alert severity="error" sx={{ mt: 2 }}>{error}</Alert>}
        </CardContent>
      </Card>
      {report && (
        <Card variant="outlined">
          <CardContent>
            {report.ok ? (
              <Alert severity="success" sx={{ mb: 2 }}>
                {translate('xp.pricing.import.ok', { lines: report.linesImported, skipped: report.skippedRows })}{' '}
                {report.sheet && <Button component={RouterLink} to={`/priceSheets/${report.sheet.id}/show`} size="small">{translate('xp.pricing.import.open_sheet')}</Button>}
              </Alert>
            ) : (
              <Alert severity="error" sx={{ mb: 2 }}>{translate('xp.catalog.import.failed', { rows: report.rowCount, problems: report.problemCount })}</Alert>
            )}
            {report.problems.length > 0 && <ProblemsTable problems={report.problems} withSku translateMessage={(m) => translateFieldMessage(m, translate, locale)} />}
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
