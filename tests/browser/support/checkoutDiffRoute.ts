import { profilesRoute } from './profilesRoute';
import { CPU } from './recordedData';

/**
 * The Profiles page comparing checkout 1.0 (baseline) with 1.1 (comparison) over the same range, as
 * recorded in `diff-page-checkout-versions`; `extra` are more URL parameters (view, colors, …).
 */
export function checkoutDiffRoute(extra: Record<string, string> = {}): string {
  return profilesRoute({
    service: 'checkout',
    type: CPU,
    filters: '{version="1.0"}',
    mode: 'diff',
    'cmp.filters': '{version="1.1"}',
    ...extra,
  });
}
