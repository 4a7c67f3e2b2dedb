import type { DataSourceInstanceSettings } from '@grafana/data';

import { resolveLinkSettings } from './resolveLinkSettings';

const ds = (uid: string, type: string, jsonData: object = {}) =>
  ({ uid, type, name: uid, jsonData }) as unknown as DataSourceInstanceSettings;

const lookup = (list: DataSourceInstanceSettings[]) => ({
  getInstanceSettings: (uid: string) => list.find((item) => item.uid === uid),
  getList: ({ type }: { type: string }) => list.filter((item) => item.type === type),
});

describe('resolveLinkSettings', () => {
  it.each([
    ['a number', 45, 45],
    ['provisioned text', '90', 90],
    ['zero', 0, 0],
    ['empty text', '', 60],
    ['a negative number', -5, 60],
    ['nothing', undefined, 60],
  ])("reads the datasource's pad from %s", (_name, spanWindowPadSeconds, expected) => {
    const settings = resolveLinkSettings(
      undefined,
      lookup([ds('p', 'emberlabs-profiles-datasource', { spanWindowPadSeconds })])
    );
    expect(settings).toEqual({
      datasourceUid: 'p',
      profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      padSeconds: expected,
    });
  });

  it("ignores Tempo's trace-to-profiles datasource when it is not ours (its profile type too)", () => {
    const tempo = ds('tempo', 'tempo', {
      tracesToProfiles: { datasourceUid: 'core', profileTypeId: 'memory:alloc_space:bytes:space:bytes' },
    });
    const settings = resolveLinkSettings(
      'tempo',
      lookup([tempo, ds('core', 'grafana-pyroscope-datasource'), ds('ours', 'emberlabs-profiles-datasource')])
    );
    expect(settings).toEqual({
      datasourceUid: 'ours',
      profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      padSeconds: 60,
    });
  });

  it('leaves the datasource to the page when none of ours exists', () => {
    expect(resolveLinkSettings('tempo', lookup([]))).toEqual({
      profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      padSeconds: 60,
    });
  });
});
