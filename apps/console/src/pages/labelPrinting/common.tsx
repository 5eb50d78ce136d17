import { useState } from 'react';
import { Alert, Button, Chip, FormControlLabel, MenuItem, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { useApiQuery, useErrorText } from '../../api/useApi';
import { graphql } from '../../graphql/client';
import { saveFile } from '../../graphql/files';
import { CREATE_JOB, PrintJob, Skip, TEMPLATES, TemplateChoice } from './queries';
import { formatOf, LabelSelection, OUTPUT_CHOICES, OutputChoice, skipReasonKey } from './selection';

/** The venue's label templates (the global ones and its own), in their order. */
export function useTemplates(venueId: string | undefined) {
  const { data, isPending, error } = useApiQuery<{ items: TemplateChoice[] }>('labelTemplatesForPrint', TEMPLATES, { venueId }, { enabled: !!venueId });
  return { templates: data?.items ?? [], isPending: !!venueId && isPending, error };
}

/** Picks the template (size, roll or A4 sheet). */
export const TemplateSelect = ({ templates, value, onChange }: { templates: TemplateChoice[]; value: string; onChange: (id: string) => void }) => {
  const translate = useTranslate();
  return (
    <TextField
      select
      fullWidth={false}
      size="small"
      label={translate('xp.labels.template')}
      value={templates.some((t) => t.id === value) ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 280 }}
      data-testid="label-template-select"
    >
      {templates.map((t) => (
        <MenuItem key={t.id} value={t.id}>
          {t.name}（{t.code}）
        </MenuItem>
      ))}
    </TextField>
  );
};

/** PDF, or ZPL for a Zebra-compatible printer at 203 or 300 dpi. */
export const OutputSelect = ({ value, onChange }: { value: OutputChoice; onChange: (v: OutputChoice) => void }) => {
  const translate = useTranslate();
  return (
    <RadioGroup row value={value} onChange={(e) => onChange(e.target.value as OutputChoice)} data-testid="label-output">
      {OUTPUT_CHOICES.map((c) => (
        <FormControlLabel key={c} value={c} control={<Radio size="small" />} label={translate(`xp.labels.output.${c}`)} data-testid={`output-${c}`} />
      ))}
    </RadioGroup>
  );
};

const STATUS_COLOUR = { RUNNING: 'info', DONE: 'success', FAILED: 'error' } as const;

export const JobStatusChip = ({ status }: { status: PrintJob['status'] }) => {
  const translate = useTranslate();
  return <Chip size="small" color={STATUS_COLOUR[status] ?? 'default'} label={translate(`xp.enums.PrintJobStatus.${status}`, { _: status })} data-testid="job-status" />;
};

/** Downloads a finished job's file with the session's token. */
export const DownloadButton = ({ job, variant = 'outlined' }: { job: PrintJob; variant?: 'outlined' | 'contained' | 'text' }) => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (job.status !== 'DONE' || !job.fileUrl) return null;
  const download = async () => {
    setBusy(true);
    try {
      await saveFile(job.fileUrl!, job.fileName ?? `labels.${job.format.toLowerCase()}`);
    } catch (error) {
      notify(errorText(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" variant={variant} startIcon={<DownloadIcon />} onClick={download} disabled={busy} data-testid="job-download">
      {translate(job.format === 'ZPL' ? 'xp.labels.download_zpl' : 'xp.labels.download_pdf')}
    </Button>
  );
};

/** The selected slots that are not printed, each with why. */
export const SkippedList = ({ skipped }: { skipped: Skip[] }) => {
  const translate = useTranslate();
  if (!skipped.length) return null;
  return (
    <Alert severity="info" sx={{ mt: 1 }} data-testid="label-skipped">
      <Typography variant="body2" sx={{ mb: 0.5 }}>{translate('xp.labels.skipped', { count: skipped.length })}</Typography>
      <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
        {skipped.map((s) => (
          <Chip key={s.slotId} size="small" variant="outlined" label={`${s.slotCode} · ${translate(skipReasonKey(s.reason))}`} />
        ))}
      </Stack>
    </Alert>
  );
};

/** Fields that did not fit on some label (the API leaves them off). */
export const OmittedWarning = ({ omitted }: { omitted: string[] }) => {
  const translate = useTranslate();
  if (!omitted.length) return null;
  const names = omitted.map((f) => translate(f === 'BARCODE' ? 'xp.labels.barcode' : `xp.enums.LabelField.${f}`, { _: f })).join('、');
  return (
    <Alert severity="warning" sx={{ mt: 1 }} data-testid="label-omitted">
      {translate('xp.labels.omitted', { fields: names })}
    </Alert>
  );
};

/**
 * Creates a print job (pessimistic: the button waits for the API, which renders the file before
 * it answers) and refreshes the job list and the reprint queue.
 */
export function usePrintJob() {
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const notify = useNotify();
  const [job, setJob] = useState<PrintJob | null>(null);
  const [isPending, setPending] = useState(false);
  const print = async (input: { venueId: string; templateId: string; output: OutputChoice; selection: LabelSelection }): Promise<PrintJob | null> => {
    setPending(true);
    setJob(null);
    try {
      const { result } = await graphql<{ result: PrintJob }>(CREATE_JOB, {
        input: { venueId: input.venueId, templateId: input.templateId, selection: input.selection, ...formatOf(input.output) },
      });
      setJob(result);
      notify('xp.labels.printed', { type: 'success', messageArgs: { count: result.labelCount } });
      return result;
    } catch (error) {
      notify(errorText(error), { type: 'error' });
      return null;
    } finally {
      setPending(false);
      await queryClient.invalidateQueries({ queryKey: ['xp'] });
    }
  };
  return { print, job, isPending };
}
