import type { DataSourceInstanceSettings } from '@grafana/data';

import { DATASOURCE_TYPE } from '../constants';
import { CPU_PROFILE_TYPE, DEFAULT_PAD_SECONDS, type LinkSettings } from './LinkSettings';

/** The part of Grafana's DataSourceSrv this needs (getDataSourceSrv() in the app). */
export type DataSourceLookup = {
  getInstanceSettings(uid: string): DataSourceInstanceSettings | undefined;
  getList(filters: { type: string }): DataSourceInstanceSettings[];
};

type TracesToProfiles = { datasourceUid?: string; profileTypeId?: string };

/**
 * Which of our datasources a trace link opens, with which profile type and pad: the one the trace
 * datasource's own "Trace to profiles" settings name, if it is ours (their profile type too), else our
 * first datasource and the CPU type. The pad is that datasource's `spanWindowPadSeconds` (default 60).
 */
export function resolveLinkSettings(traceDatasourceUid: string | undefined, lookup: DataSourceLookup): LinkSettings {
  const traceSettings = traceDatasourceUid ? lookup.getInstanceSettings(traceDatasourceUid) : undefined;
  const configured = (traceSettings?.jsonData as { tracesToProfiles?: TracesToProfiles } | undefined)?.tracesToProfiles;
  const named = configured?.datasourceUid ? lookup.getInstanceSettings(configured.datasourceUid) : undefined;
  const ours = named?.type === DATASOURCE_TYPE ? named : lookup.getList({ type: DATASOURCE_TYPE })[0];
  const rawPad = (ours?.jsonData as { spanWindowPadSeconds?: unknown } | undefined)?.spanWindowPadSeconds;
  // Provisioning may write the number as text; an empty or unreadable value is the default.
  const pad = typeof rawPad === 'number' || (typeof rawPad === 'string' && rawPad.trim() !== '') ? Number(rawPad) : NaN;
  return {
    ...(ours ? { datasourceUid: ours.uid } : {}),
    profileTypeId: (named === ours && configured?.profileTypeId) || CPU_PROFILE_TYPE,
    padSeconds: Number.isFinite(pad) && pad >= 0 ? pad : DEFAULT_PAD_SECONDS,
  };
}
