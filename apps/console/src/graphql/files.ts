import { readSession } from '../authProvider/session';
import { ApiError } from './client';

/** The kinds of document the API keeps (enum DocumentKind in apps/api/schema.gql). */
export type DocumentKind = 'BUSINESS_LICENSE' | 'TRADEMARK_CERTIFICATE' | 'INSPECTION_REPORT' | 'PRODUCT_IMAGE' | 'SPREADSHEET' | 'OTHER';

export interface UploadedDocument {
  id: string;
  sha256: string;
  mimeType: string;
  size: number;
}

/** The largest file the API accepts (10 MB); bigger ones are refused before they are sent. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

function authHeaders(): Record<string, string> {
  const token = readSession()?.accessToken;
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** A plain-HTTP error answer (`{ error: { code, message, fields? } }`) as an ApiError. */
async function httpError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; fields?: { path: string; message: string }[] } };
    const code = body.error?.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : response.status === 404 ? 'NOT_FOUND' : 'INTERNAL');
    return new ApiError(code, body.error?.message ?? `HTTP ${response.status}`, body.error?.fields ?? []);
  } catch {
    return new ApiError(response.status === 413 ? 'PAYLOAD_TOO_LARGE' : response.status === 404 ? 'NOT_FOUND' : 'NETWORK', `HTTP ${response.status}`);
  }
}

/**
 * Uploads a file as a document of `kind` (POST /api/documents); the API decides its type by
 * content. With `onProgress` the upload reports the share sent (0–1) as it goes.
 */
export async function uploadDocument(file: Blob & { name?: string }, kind: DocumentKind, onProgress?: (share: number) => void): Promise<UploadedDocument> {
  if (file.size > MAX_UPLOAD_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', 'The file is larger than 10 MB');
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name ?? 'upload');
  if (onProgress) return uploadWithProgress(form, onProgress);
  let response: Response;
  try {
    response = await fetch('/api/documents', { method: 'POST', headers: authHeaders(), body: form });
  } catch (error) {
    throw new ApiError('NETWORK', (error as Error).message);
  }
  if (!response.ok) throw await httpError(response);
  return (await response.json()) as UploadedDocument;
}

/** Fetches a protected file (a document, a template) with the session's token. */
export async function fetchFile(url: string, signal?: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(url, { headers: authHeaders(), signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('NETWORK', (error as Error).message);
  }
  if (!response.ok) throw await httpError(response);
  return response.blob();
}

/** Downloads a protected file and hands it to the browser under `name`. */
export async function saveFile(url: string, name: string): Promise<void> {
  const blob = await fetchFile(url);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export const documentUrl = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

/** fetch() reports no upload progress; XMLHttpRequest does. */
function uploadWithProgress(form: FormData, onProgress: (share: number) => void): Promise<UploadedDocument> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', 'upload failed'));
    xhr.onload = () => {
      const response = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': 'application/json' } });
      if (xhr.status >= 200 && xhr.status < 300) response.json().then(resolve, reject);
      else httpError(response).then(reject, reject);
    };
    xhr.send(form);
  });
}
