import type { ProfilesDataSource } from '../../../datasource/ProfilesDataSource';
import type { PlannedQuery } from '../domain/buildQueries';
import { downloadBlob } from './downloadBlob';

/**
 * Downloads the merged profile of a flame graph query as gzipped pprof (resource `export/pprof`). An error
 * answer arrives as a Blob too; its JSON message becomes the rejection's.
 */
export async function exportPprof(datasource: ProfilesDataSource, { query, range }: PlannedQuery, fileName: string) {
  try {
    const blob = await datasource.exportPprof(query.profileTypeId ?? '', query.labelSelector ?? '{}', range);
    downloadBlob(blob, fileName);
  } catch (err) {
    const data = (err as { data?: unknown }).data;
    if (data instanceof Blob) {
      const text = await data.text();
      let message = text;
      try {
        message = String(JSON.parse(text).message ?? text);
      } catch {
        // Not JSON: the text itself says what happened.
      }
      throw new Error(message);
    }
    throw err;
  }
}
