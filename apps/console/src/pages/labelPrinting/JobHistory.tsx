import { useState } from 'react';
import { Alert, Skeleton, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useApiQuery, useErrorText } from '../../api/useApi';
import { formatDateTime } from '../../format/dates';
import { DownloadButton, JobStatusChip } from './common';
import { JOBS, PrintJob } from './queries';

/** What a job selected, in words: "2 个货架", "待更换标签"… */
export function useSelectionText() {
  const translate = useTranslate();
  return (s: PrintJob['selection']): string => {
    const parts: string[] = [];
    if (s.zoneIds?.length) parts.push(translate('xp.labels.sel.zones', { count: s.zoneIds.length }));
    if (s.shelfIds?.length) parts.push(translate('xp.labels.sel.shelves', { count: s.shelfIds.length }));
    if (s.slotIds?.length) parts.push(translate('xp.labels.sel.slots', { count: s.slotIds.length }));
    if (s.staleOnly) parts.push(translate('xp.labels.sel.stale'));
    return parts.join(' · ');
  };
}

/** The venue's print jobs, newest first: status, counts, who and when, and the file again. */
export const JobHistory = ({ venueId }: { venueId: string }) => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const selectionText = useSelectionText();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const { data, isPending, error } = useApiQuery<{ total: number; items: PrintJob[] }>('labelJobs', JOBS, { venueId, page: page + 1, perPage });
  if (error) return <Alert severity="error">{errorText(error)}</Alert>;
  if (isPending || !data) return <Skeleton variant="rectangular" height={160} />;
  if (!data.total) return <Typography color="text.secondary">{translate('xp.labels.no_jobs')}</Typography>;
  return (
    <>
      <Table size="small" data-testid="label-jobs">
        <TableHead>
          <TableRow>
            <TableCell>{translate('xp.labels.col.created')}</TableCell>
            <TableCell>{translate('xp.labels.col.by')}</TableCell>
            <TableCell>{translate('xp.labels.template')}</TableCell>
            <TableCell>{translate('xp.labels.col.selection')}</TableCell>
            <TableCell>{translate('xp.labels.col.format')}</TableCell>
            <TableCell align="right">{translate('xp.labels.col.labels')}</TableCell>
            <TableCell>{translate('xp.labels.col.status')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {data.items.map((job) => (
            <TableRow key={job.id} data-testid="label-job-row">
              <TableCell>{formatDateTime(job.createdAt)}</TableCell>
              <TableCell>{job.createdByName ?? translate('xp.common.none')}</TableCell>
              <TableCell>{job.template.name}</TableCell>
              <TableCell>{selectionText(job.selection)}</TableCell>
              <TableCell>{job.format === 'ZPL' ? `ZPL ${job.zplDpi} dpi` : job.format}</TableCell>
              <TableCell align="right">{job.labelCount}</TableCell>
              <TableCell>
                <JobStatusChip status={job.status} />
              </TableCell>
              <TableCell>
                <DownloadButton job={job} variant="text" />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={data.total}
        page={page}
        rowsPerPage={perPage}
        rowsPerPageOptions={[10, 25, 50]}
        onPageChange={(_, p) => setPage(p)}
        onRowsPerPageChange={(e) => {
          setPerPage(Number(e.target.value));
          setPage(0);
        }}
        labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
        labelDisplayedRows={({ from, to, count }) => translate('xp.labels.rows_of', { from, to, count })}
      />
    </>
  );
};
