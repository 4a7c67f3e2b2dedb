import type { Upload } from './startIngestReceiver';

export type UploadRate = { uploads: number; bytes: number; mean_bytes: number; kb_per_min: number | null };

/**
 * Upload volume of uploads that arrived in [from, to]. With two or more, the rate is the bytes of all but
 * the first divided by the time from the first to the last: periodic uploads then count exactly once per
 * interval however the window falls between them. With one, bytes over the window.
 */
export function uploadRate(uploads: readonly Upload[], from: number, to: number): UploadRate {
  const inWindow = uploads.filter((upload) => upload.at >= from && upload.at <= to);
  const bytes = inWindow.reduce((sum, upload) => sum + upload.bytes, 0);
  const base = {
    uploads: inWindow.length,
    bytes,
    mean_bytes: inWindow.length ? Math.round(bytes / inWindow.length) : 0,
  };
  if (inWindow.length >= 2) {
    const span = (inWindow[inWindow.length - 1]!.at - inWindow[0]!.at) / 60000;
    return { ...base, kb_per_min: (bytes - inWindow[0]!.bytes) / 1024 / span };
  }
  return { ...base, kb_per_min: inWindow.length === 1 ? bytes / 1024 / ((to - from) / 60000) : null };
}
