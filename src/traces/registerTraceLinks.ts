import type { AppPlugin, PluginExtensionPanelContext, PluginExtensionResourceAttributesContext } from '@grafana/data';
import { getDataSourceSrv, getTemplateSrv } from '@grafana/runtime';
import type { DataQuery } from '@grafana/schema';

import { DATASOURCE_TYPE } from '../constants';
import {
  fromResourceAttributes,
  PROFILE_ID_ATTRIBUTE,
  type ResourceLinkKind,
  SERVICE_NAME_ATTRIBUTE,
} from './fromResourceAttributes';
import { fromTraceView } from './fromTraceView';
import { profilesLinkUrl } from './profilesLinkUrl';
import { type QueryLinkContext, queryLinkUrl } from './queryLinkUrl';
import { type DataSourceLookup, resolveLinkSettings } from './resolveLinkSettings';
import type { SpanLink } from './SpanLink';
import { TRACE_LINKS } from './traceLinks';
import type { TraceViewContext } from './TraceViewContext';

/**
 * Adds the app's links to Grafana: on a span's `pyroscope.profile.id` and `service.name` attribute rows
 * (the trace view matches a link's category to the row's key), in the trace header, in Explore's toolbar
 * and in the menu of panels that query our datasource. A link whose context does not fit is hidden.
 */
export function registerTraceLinks<T extends object>(plugin: AppPlugin<T>): AppPlugin<T> {
  const resourceLink = (kind: ResourceLinkKind) => (context?: Readonly<PluginExtensionResourceAttributesContext>) =>
    context ? spanPath(fromResourceAttributes(context, kind)) : undefined;
  return plugin
    .addLink<PluginExtensionResourceAttributesContext>({
      ...TRACE_LINKS.spanProfile,
      targets: [...TRACE_LINKS.spanProfile.targets],
      icon: 'fire',
      // The trace view shows a link on the attribute row whose key equals its category (no other way yet).
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      category: PROFILE_ID_ATTRIBUTE,
      configure: resourceLink('span'),
    })
    .addLink<PluginExtensionResourceAttributesContext>({
      ...TRACE_LINKS.serviceProfile,
      targets: [...TRACE_LINKS.serviceProfile.targets],
      icon: 'fire',
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      category: SERVICE_NAME_ATTRIBUTE,
      configure: resourceLink('window'),
    })
    .addLink<TraceViewContext>({
      ...TRACE_LINKS.traceProfile,
      targets: [...TRACE_LINKS.traceProfile.targets],
      icon: 'fire',
      configure: (context) => (context ? spanPath(fromTraceView(context)) : undefined),
    })
    .addLink<QueryLinkContext & Partial<Pick<PluginExtensionPanelContext, 'scopedVars'>>>({
      ...TRACE_LINKS.openInProfiles,
      targets: [...TRACE_LINKS.openInProfiles.targets],
      icon: 'fire',
      configure: (context) => {
        const path = context
          ? queryLinkUrl(context, {
              isOurs,
              interpolate: (text) => getTemplateSrv().replace(text, context.scopedVars),
            })
          : undefined;
        return path ? { path } : undefined;
      },
    });
}

/** The link's path, or hidden when the span cannot be linked (Grafana then shows nothing, never an error). */
function spanPath(link: SpanLink | undefined): { path: string } | undefined {
  if (!link) {
    return undefined;
  }
  try {
    return { path: profilesLinkUrl(link, resolveLinkSettings(link.traceDatasource, datasources())) };
  } catch (error) {
    console.warn('Emberlabs Profiles: no profile link for this span:', error);
    return undefined;
  }
}

function isOurs(datasource: DataQuery['datasource']): boolean {
  if (datasource?.type === DATASOURCE_TYPE) {
    return true;
  }
  // A dashboard's datasource may be a variable (`${ds}`).
  const uid = datasource?.uid === undefined ? undefined : getTemplateSrv().replace(datasource.uid);
  return uid !== undefined && datasources().getInstanceSettings(uid)?.type === DATASOURCE_TYPE;
}

/** Grafana's datasource registry: the lookups a link needs. */
function datasources(): DataSourceLookup {
  // getDataSourceSrv is deprecated in favour of @grafana/runtime/unstable, which plugins must not use.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const srv = getDataSourceSrv();
  return {
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    getInstanceSettings: (uid) => srv.getInstanceSettings(uid),
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    getList: (filters) => srv.getList(filters),
  };
}
