import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, CardHeader, Chip, CircularProgress, Link, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import DownloadIcon from '@mui/icons-material/Download';
import { useInput, useNotify, useTranslate } from 'react-admin';
import { useErrorText } from '../api/useApi';
import { documentUrl, DocumentKind, fetchFile, saveFile, uploadDocument } from '../graphql/files';

export interface DocumentInfo {
  id: string;
  kind: DocumentKind;
  mimeType: string;
  originalName?: string | null;
  sizeBytes?: number;
  createdAt?: string;
}

/** Bytes as 12.3 KB / 1.2 MB. */
export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A document shown inline: the bytes are fetched with the session's token (GET
 * /api/documents/:id needs it) and shown from a blob: PDFs in a frame, images as images,
 * anything else as a download.
 */
export const DocumentPreview = ({ document, height = 520 }: { document: DocumentInfo; height?: number }) => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const previewable = document.mimeType === 'application/pdf' || document.mimeType.startsWith('image/');
  useEffect(() => {
    if (!previewable) return;
    const controller = new AbortController();
    let href: string | null = null;
    fetchFile(documentUrl(document.id), controller.signal).then(
      (blob) => {
        href = URL.createObjectURL(new Blob([blob], { type: document.mimeType }));
        setUrl(href);
      },
      (e) => {
        if ((e as Error).name !== 'AbortError') setError(errorText(e));
      },
    );
    return () => {
      controller.abort();
      if (href) URL.revokeObjectURL(href);
    };
    // errorText changes identity with every render; the document is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document.id, document.mimeType, previewable]);
  const name = document.originalName ?? document.id.slice(0, 8);
  return (
    <Card variant="outlined" data-testid="document-preview">
      <CardHeader
        sx={{ pb: 0 }}
        title={<Typography variant="subtitle2">{name}</Typography>}
        subheader={`${translate(`xp.enums.DocumentKind.${document.kind}`)} · ${document.mimeType} · ${formatSize(document.sizeBytes)}`}
        action={
          <Button size="small" startIcon={<DownloadIcon />} onClick={() => saveFile(documentUrl(document.id), name).catch((e) => setError(errorText(e)))}>
            {translate('xp.documents.download')}
          </Button>
        }
      />
      <CardContent>
        {error ? (
          <Alert severity="error">{error}</Alert>
        ) : !previewable ? (
          <Typography variant="body2" color="text.secondary">{translate('xp.documents.no_preview')}</Typography>
        ) : !url ? (
          <CircularProgress size={24} />
        ) : document.mimeType === 'application/pdf' ? (
          <Box component="iframe" src={url} title={name} sx={{ width: '100%', height, border: 1, borderColor: 'divider' }} data-testid="document-frame" />
        ) : (
          <Box component="img" src={url} alt={name} sx={{ maxWidth: '100%', maxHeight: height, display: 'block' }} data-testid="document-image" />
        )}
      </CardContent>
    </Card>
  );
};

/** Several documents one after another (or a note that there are none). */
export const DocumentPreviews = ({ documents }: { documents: DocumentInfo[] }) => {
  const translate = useTranslate();
  if (documents.length === 0) return <Typography variant="body2" color="text.secondary">{translate('xp.documents.none')}</Typography>;
  return (
    <Stack spacing={2}>
      {documents.map((d) => (
        <DocumentPreview key={d.id} document={d} />
      ))}
    </Stack>
  );
};

/** A link that downloads a document with the token. */
export const DocumentLink = ({ document }: { document: DocumentInfo }) => {
  const notify = useNotify();
  const errorText = useErrorText();
  const name = document.originalName ?? document.id.slice(0, 8);
  return (
    <Link component="button" type="button" onClick={() => saveFile(documentUrl(document.id), name).catch((e) => notify(errorText(e), { type: 'error' }))}>
      {name}
    </Link>
  );
};

export interface Uploaded {
  id: string;
  name: string;
  size: number;
}

/**
 * A file chosen from disk is uploaded at once (POST /api/documents with its kind); the form
 * keeps the new document's id (or ids, with `multiple`). The API decides the type by content
 * and refuses programs, empty files and files over 10 MB; its sentence shows under the input.
 */
export const DocumentUploadInput = ({
  source,
  kind,
  label,
  accept,
  multiple = false,
  required = false,
  initial = [],
}: {
  source: string;
  kind: DocumentKind;
  label: string;
  accept?: string;
  multiple?: boolean;
  required?: boolean;
  /** Documents already attached (an edit form): shown, removable, kept unless removed. */
  initial?: Uploaded[];
}) => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<Uploaded[]>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const {
    field,
    fieldState: { error: fieldError, isTouched },
    formState: { isSubmitted },
  } = useInput({
    source,
    validate: required ? (value: unknown) => (Array.isArray(value) ? value.length : value) ? undefined : 'ra.validation.required' : undefined,
    defaultValue: multiple ? initial.map((f) => f.id) : initial[0]?.id,
  });
  const pick = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const done: Uploaded[] = [];
      for (const file of Array.from(list)) {
        const uploaded = await uploadDocument(file, kind);
        done.push({ id: uploaded.id, name: file.name, size: uploaded.size });
      }
      const next = multiple ? [...files, ...done] : done.slice(-1);
      setFiles(next);
      field.onChange(multiple ? [...((field.value as string[] | undefined) ?? []), ...done.map((d) => d.id)] : done[done.length - 1].id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const remove = (id: string) => {
    setFiles(files.filter((f) => f.id !== id));
    field.onChange(multiple ? ((field.value as string[]) ?? []).filter((v) => v !== id) : null);
  };
  const showFieldError = fieldError && (isTouched || isSubmitted);
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="body2" color={showFieldError ? 'error' : 'text.secondary'} sx={{ mb: 0.5 }}>
        {translate(label)}
        {required ? ' *' : ''}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center">
        <Button variant="outlined" size="small" startIcon={busy ? <CircularProgress size={16} /> : <UploadFileIcon />} disabled={busy} onClick={() => input.current?.click()}>
          {translate(busy ? 'xp.documents.uploading' : 'xp.documents.choose')}
        </Button>
        {files.map((f) => (
          <Chip key={f.id} label={`${f.name} · ${formatSize(f.size)}`} onDelete={() => remove(f.id)} color="success" variant="outlined" data-testid="uploaded-file" />
        ))}
      </Stack>
      <input ref={input} type="file" hidden accept={accept} multiple={multiple} data-testid={`file-${source}`} onChange={(e) => void pick(e.target.files)} />
      {error && <Alert severity="error" sx={{ mt: 1 }}>{error}</Alert>}
      {showFieldError && !error && (
        <Typography variant="caption" color="error">{translate(fieldError?.message ?? 'ra.validation.required')}</Typography>
      )}
    </Box>
  );
};

/** An image document by id (product images): fetched with the token, shown as a thumbnail. */
export const DocumentImage = ({ id, size = 120 }: { id: string; size?: number }) => {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    let href: string | null = null;
    fetchFile(documentUrl(id), controller.signal).then(
      (blob) => {
        href = URL.createObjectURL(blob);
        setUrl(href);
      },
      () => undefined,
    );
    return () => {
      controller.abort();
      if (href) URL.revokeObjectURL(href);
    };
  }, [id]);
  return (
    <Box sx={{ width: size, height: size, border: 1, borderColor: 'divider', borderRadius: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden', bgcolor: 'grey.50' }}>
      {url ? <Box component="img" src={url} alt="" sx={{ maxWidth: '100%', maxHeight: '100%' }} /> : <CircularProgress size={20} />}
    </Box>
  );
};
