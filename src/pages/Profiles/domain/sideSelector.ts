import type { ProfileSelection } from './ProfilesState';

/**
 * The label selector of a side: its service and its filters, e.g. `{service_name="checkout", env="prod"}`.
 * Filters are joined as text, so a selector the builder cannot read (typed in code mode) still works.
 */
export function sideSelector({ service, filters }: Pick<ProfileSelection, 'service' | 'filters'>): string {
  const inner = filters.trim().replace(/^\{/, '').replace(/\}$/, '').trim().replace(/,$/, '');
  const parts = [service === '' ? '' : `service_name=${JSON.stringify(service)}`, inner].filter((part) => part !== '');
  return `{${parts.join(', ')}}`;
}
