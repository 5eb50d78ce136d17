import { useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link as RouterLink } from 'react-router-dom';
import { Title, useDataProvider, useLocaleState, useRefresh, useTranslate } from 'react-admin';
import { useErrorText } from '../../api/useApi';
import type { XpDataProvider } from '../../dataProvider';
import { translateFieldMessage } from '../../dataProvider/errors';
import { ApiError } from '../../graphql/client';
import { saveFile, uploadDocument } from '../../graphql/files';

export interface ImportProblem {
  row: number;
  column: string | null;
  header: string | null;
  cell: string | null;
  value: string | null;
  message: string;
  skuCode?: string | null;
}

export interface CatalogImportReport {
  ok: boolean;
  format: string;
  rowCount: number;
  productsCreated: number;
  skusCreated: number;
  problemCount: number;
  ignoredHeaders: string[];
  problems: ImportProblem[];
}

type Phase = 'idle' | 'uploading' | 'importing' | 'done' | 'failed';

/**
 * The catalog import: download the template, upload the filled file (a SPREADSHEET document),
 * import it (all rows or none) and read the row-level report: row as Excel numbers it,
 * column, cell, the value found and what is wrong with it.
 */
export const CatalogImportPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const errorText = useErrorText();
  const dataProvider = useDataProvider<XpDataProvider>();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<CatalogImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setReport(null);
    setError(null);
    setProgress(0);
    setPhase('uploading');
    try {
      const document = await uploadDocument(file, 'SPREADSHEET', setProgress);
      setPhase('importing');
      const { data } = await dataProvider.run<CatalogImportReport>('products', 'importCatalog', { documentId: document.id });
      setReport(data);
      setPhase('done');
      if (data.ok) refresh();
    } catch (e) {
      const root = (e as { body?: { errors?: { root?: { serverError?: string } } } }).body?.errors?.root?.serverError;
      setError(e instanceof ApiError ? errorText(e) : (root ?? (e as Error).message));
      setPhase('failed');
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const busy = phase === 'uploading' || phase === 'importing';
  const activeStep = phase === 'idle' ? 0 : phase === 'uploading' ? 1 : phase === 'importing' ? 2 : 3;
  return (
    <Box sx={{ p: 2 }}>
      <Title title="xp.menu.catalogImport" />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6">{translate('xp.catalog.import.title')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('xp.catalog.import.intro')}</Typography>
          <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap">
            <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => saveFile('/api/catalog/template.xlsx', translate('xp.catalog.import.template_name')).catch((e) => setError(errorText(e)))}>
              {translate('xp.catalog.import.download_template')}
            </Button>
            <Button variant="contained" startIcon={<UploadFileIcon />} disabled={busy} onClick={() => input.current?.click()} data-testid="import-choose">
              {translate('xp.catalog.import.choose')}
            </Button>
            <input ref={input} type="file" hidden accept=".xlsx,.csv" data-testid="import-file" onChange={(e) => void start(e.target.files?.[0])} />
          </Stack>
        </CardContent>
      </Card>

      {phase !== 'idle' && (
        <Card variant="outlined" sx={{ mb: 2 }} data-testid="import-progress">
          <CardContent>
            <Typography variant="subtitle2" sx={{ mb: 1 }}>{fileName}</Typography>
            <Stepper activeStep={activeStep} sx={{ mb: 2 }}>
              {['upload', 'import', 'report'].map((s) => (
                <Step key={s} completed={activeStep > ['upload', 'import', 'report'].indexOf(s) + 1 || (s === 'report' && phase === 'done')}>
                  <StepLabel>{translate(`xp.catalog.import.steps.${s}`)}</StepLabel>
                </Step>
              ))}
            </Stepper>
            {phase === 'uploading' && <LinearProgress variant="determinate" value={Math.round(progress * 100)} />}
            {phase === 'importing' && <LinearProgress />}
            {error && <Alert severity="error" data-testid="import-error">{error}</Alert>}
          </CardContent>
        </Card>
      )}

      {report && <ImportReport report={report} translateMessage={(m) => translateFieldMessage(m, translate, locale)} />}
    </Box>
  );
};

const ImportReport = ({ report, translateMessage }: { report: CatalogImportReport; translateMessage: (m: string) => string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid="import-report">
      <CardContent>
        {report.ok ? (
          <Alert severity="success" sx={{ mb: 2 }} data-testid="import-ok">
            {translate('xp.catalog.import.ok', { rows: report.rowCount, products: report.productsCreated, skus: report.skusCreated })}{' '}
            <Button component={RouterLink} to="/products" size="small">{translate('xp.catalog.import.see_products')}</Button>
          </Alert>
        ) : (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="import-failed">
            {translate('xp.catalog.import.failed', { rows: report.rowCount, problems: report.problemCount })}
          </Alert>
        )}
        {report.ignoredHeaders.length > 0 && (
          <Box sx={{ mb: 2 }}>
            <Typography variant="body2" color="text.secondary" component="span">{translate('xp.catalog.import.ignored')}: </Typography>
            {report.ignoredHeaders.map((h) => (
              <Chip key={h} size="small" label={h} sx={{ mr: 0.5 }} />
            ))}
          </Box>
        )}
        {report.problems.length > 0 && <ProblemsTable problems={report.problems} translateMessage={translateMessage} />}
        {report.problemCount > report.problems.length && (
          <Typography variant="caption" color="text.secondary">{translate('xp.catalog.import.more', { count: report.problemCount - report.problems.length })}</Typography>
        )}
      </CardContent>
    </Card>
  );
};

/** The row-level report of an import: row as Excel numbers it, column, cell, value, the problem. */
export const ProblemsTable = ({ problems, translateMessage, withSku }: { problems: ImportProblem[]; translateMessage: (m: string) => string; withSku?: boolean }) => {
  const translate = useTranslate();
  return (
    <TableContainer sx={{ maxHeight: 520 }}>
      <Table size="small" stickyHeader data-testid="import-problems">
        <TableHead>
          <TableRow>
            <TableCell>{translate('xp.catalog.import.row')}</TableCell>
            {withSku && <TableCell>SKU</TableCell>}
            <TableCell>{translate('xp.catalog.import.column')}</TableCell>
            <TableCell>{translate('xp.catalog.import.cell')}</TableCell>
            <TableCell>{translate('xp.catalog.import.value')}</TableCell>
            <TableCell>{translate('xp.catalog.import.reason')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {problems.map((p, i) => (
            <TableRow key={`${p.row}-${p.column}-${i}`}>
              <TableCell>{p.row}</TableCell>
              {withSku && <TableCell>{p.skuCode ?? ''}</TableCell>}
              <TableCell>{p.header ?? p.column ?? translate('xp.catalog.import.whole_row')}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{p.cell ?? ''}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{p.value ?? ''}</TableCell>
              <TableCell title={p.message}>{translateMessage(p.message)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
