import { type DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { Button, IconButton, Input, SecretInput, Stack } from '@grafana/ui';
import React from 'react';

import type { ProfilesJsonData, ProfilesSecureJsonData } from '../types';

type Props = DataSourcePluginOptionsEditorProps<ProfilesJsonData, ProfilesSecureJsonData>;

/** The header numbers in use, from jsonData.httpHeaderName<N>. */
function headerNumbers(jsonData: ProfilesJsonData): number[] {
  return Object.keys(jsonData)
    .flatMap((key) => {
      const match = /^httpHeaderName(\d+)$/.exec(key);
      return match ? [Number(match[1])] : [];
    })
    .sort((a, b) => a - b);
}

/**
 * Extra HTTP headers in Grafana's convention: the name in jsonData.httpHeaderName<N>, the value (a secret)
 * in secureJsonData.httpHeaderValue<N>. A header keeps its number for life: saved values cannot be read
 * back, so renumbering after a removal would pair names with the wrong secrets.
 */
export function HttpHeadersEditor({ options, onOptionsChange }: Props) {
  const { jsonData } = options;
  const secureFields = options.secureJsonFields ?? {};
  const numbers = headerNumbers(jsonData);

  const setName = (n: number, name: string) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, [`httpHeaderName${n}`]: name } });
  const setValue = (n: number, value: string) =>
    onOptionsChange({ ...options, secureJsonData: { ...options.secureJsonData, [`httpHeaderValue${n}`]: value } });
  const resetValue = (n: number) =>
    onOptionsChange({
      ...options,
      secureJsonFields: { ...secureFields, [`httpHeaderValue${n}`]: false },
      secureJsonData: { ...options.secureJsonData, [`httpHeaderValue${n}`]: '' },
    });
  const add = () => setName((numbers[numbers.length - 1] ?? 0) + 1, '');
  const remove = (n: number) => {
    const name = `httpHeaderName${n}`;
    const rest = Object.fromEntries(Object.entries(jsonData).filter(([key]) => key !== name)) as ProfilesJsonData;
    onOptionsChange({
      ...options,
      jsonData: rest,
      secureJsonFields: { ...secureFields, [`httpHeaderValue${n}`]: false },
      secureJsonData: { ...options.secureJsonData, [`httpHeaderValue${n}`]: '' },
    });
  };

  return (
    <Stack direction="column" gap={1}>
      {numbers.map((n) => (
        <Stack key={n} direction="row" gap={1} alignItems="center">
          <Input
            aria-label={`Header ${n} name`}
            width={30}
            placeholder="X-Custom-Header"
            value={jsonData[`httpHeaderName${n}`] ?? ''}
            onChange={(e) => setName(n, e.currentTarget.value)}
          />
          <SecretInput
            aria-label={`Header ${n} value`}
            width={40}
            placeholder="value"
            isConfigured={Boolean(secureFields[`httpHeaderValue${n}`])}
            value={options.secureJsonData?.[`httpHeaderValue${n}`] ?? ''}
            onReset={() => resetValue(n)}
            onChange={(e) => setValue(n, e.currentTarget.value)}
          />
          <IconButton name="trash-alt" aria-label={`Remove header ${n}`} onClick={() => remove(n)} />
        </Stack>
      ))}
      <div>
        <Button variant="secondary" icon="plus" size="sm" onClick={add}>
          Add header
        </Button>
      </div>
    </Stack>
  );
}
