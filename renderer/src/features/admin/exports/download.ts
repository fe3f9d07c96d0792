// Saving an export: the file arrives as base64 and leaves as a Blob through an <a download>;
// nothing navigates, so the page's CSP (default-src 'self') needs no exception.
import type { ApiError } from '../../../api/contract';
import { call } from '../../../api/client';

export function saveFile(fileName: string, mimeType: string, contentBase64: string): void {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; free the memory a moment later.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches a finished export and saves it; answers the error when the host refuses. */
export async function downloadExport(jobId: number): Promise<ApiError | null> {
  const result = await call('exports.download', { jobId });
  if (!result.ok) return result.error;
  saveFile(result.value.fileName, result.value.mimeType, result.value.contentBase64);
  return null;
}
