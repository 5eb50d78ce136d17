import type { LabelSelection } from './selection';

/** The GraphQL documents of label printing: templates, the preview, print jobs and the reprint queue. */

export const TEMPLATES = `query PrintTemplates($venueId: ID!) {
  result: labelTemplates(filter: { venueId: $venueId }, perPage: 100, sort: { field: "sortOrder", order: ASC }) {
    items { id code name layout widthMm heightMm zplDpi labelsPerPage venueId }
  }
}`;

export interface TemplateChoice {
  id: string;
  code: string;
  name: string;
  layout: 'ROLL' | 'SHEET';
  widthMm: number;
  heightMm: number;
  zplDpi: number;
  labelsPerPage: number;
  venueId: string | null;
}

export const PREVIEW = `query PreviewLabels($input: PreviewLabelsInput!) {
  result: previewLabels(input: $input) { svg page pageCount labelCount omitted skipped { slotId slotCode reason } }
}`;

export interface Skip {
  slotId: string;
  slotCode: string;
  reason: string;
}

export interface Preview {
  svg: string;
  page: number;
  pageCount: number;
  labelCount: number;
  omitted: string[];
  skipped: Skip[];
}

export const JOB_FIELDS = `id status format zplDpi labelCount pageCount fileName fileSize fileUrl mimeType omitted error createdAt finishedAt createdByName
  selection { zoneIds shelfIds slotIds staleOnly } skipped { slotId slotCode reason } template { id code name }`;

export interface PrintJob {
  id: string;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  format: 'PDF' | 'ZPL' | 'SVG';
  zplDpi: number | null;
  labelCount: number;
  pageCount: number | null;
  fileName: string | null;
  fileSize: number | null;
  fileUrl: string | null;
  mimeType: string | null;
  omitted: string[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  createdByName: string | null;
  selection: LabelSelection;
  skipped: Skip[];
  template: { id: string; code: string; name: string };
}

export const CREATE_JOB = `mutation CreateLabelPrintJob($input: CreateLabelPrintJobInput!) { result: createLabelPrintJob(input: $input) { ${JOB_FIELDS} } }`;

export const JOBS = `query LabelPrintJobs($venueId: ID!, $page: Int!, $perPage: Int!) {
  result: labelPrintJobs(filter: { venueId: $venueId }, page: $page, perPage: $perPage, sort: { field: "createdAt", order: DESC }) { total items { ${JOB_FIELDS} } }
}`;

export const STALE_QUEUE = `query StaleLabels($venueId: ID!) {
  result: staleLabels(venueId: $venueId) {
    venueId staleCount awaitingPostingCount
    zones { zoneId zoneCode zoneName shelves { shelfId shelfCode
      stale { slotCode skuCode title nowOnSlotSkuCode nowOnSlotTitle label { id code staleReason staleAt staleScans printedAt } }
      awaitingPosting { slotCode skuCode title label { id code printedAt } } } }
  }
}`;

export interface QueuedLabel {
  slotCode: string;
  skuCode: string;
  title: string;
  nowOnSlotSkuCode?: string | null;
  nowOnSlotTitle?: string | null;
  label: { id: string; code: string; staleReason?: 'PRICE_CHANGED' | 'SLOT_CHANGED' | null; staleAt?: string | null; staleScans?: number; printedAt: string };
}

export interface StaleQueue {
  venueId: string;
  staleCount: number;
  awaitingPostingCount: number;
  zones: { zoneId: string; zoneCode: string; zoneName: string; shelves: { shelfId: string; shelfCode: string; stale: QueuedLabel[]; awaitingPosting: QueuedLabel[] }[] }[];
}

export const STALE_COUNT = `query StaleLabelCount($venueId: ID!) { result: staleLabels(venueId: $venueId) { staleCount awaitingPostingCount } }`;

export const MARK_POSTED = `mutation MarkLabelsPosted($input: MarkLabelsPostedInput!) { result: markLabelsPosted(input: $input) { id status } }`;
