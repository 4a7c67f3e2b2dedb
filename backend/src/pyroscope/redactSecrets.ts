import type { DatasourceSettings } from '../settings/DatasourceSettings';

// Shorter values are too likely to occur by chance (and too weak to be real secrets) to be worth masking.
const MIN_SECRET_LENGTH = 4;

/** Masks the datasource's secrets wherever text from outside (an upstream error body) might echo them. */
export function redactSecrets(text: string, settings: DatasourceSettings): string {
  const secrets = [...Object.values(settings.headers)];
  if (settings.auth.mode === 'basic') {
    secrets.push(
      settings.auth.password,
      Buffer.from(`${settings.auth.user}:${settings.auth.password}`).toString('base64')
    );
  } else if (settings.auth.mode === 'bearer') {
    secrets.push(settings.auth.token);
  }
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) {
      result = result.split(secret).join('***');
    }
  }
  return result;
}
