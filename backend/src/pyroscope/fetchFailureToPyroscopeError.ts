import type { DatasourceSettings } from '../settings/DatasourceSettings';
import { notPyroscopeError } from './notPyroscopeError';
import { PyroscopeError } from './PyroscopeError';

/** Why a request ended early: our own timeout, or the caller (Grafana) cancelled it. */
export type AbortReason = 'timeout' | 'cancelled';

const UNTRUSTED_CERT = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/**
 * Turns a failed request (no HTTP answer at all) into a PyroscopeError. The reason is the error's `code` (or
 * its cause's, as fetch wraps it): a Node socket, DNS, TLS or HTTP parser code, or an AggregateError of them
 * when several addresses were tried.
 */
export function fetchFailureToPyroscopeError(
  err: unknown,
  settings: DatasourceSettings,
  method: string,
  abortReason: AbortReason | undefined
): PyroscopeError {
  const error = classify(err, settings, method, abortReason);
  error.cause = err;
  return error;
}

function classify(
  err: unknown,
  settings: DatasourceSettings,
  method: string,
  abortReason: AbortReason | undefined
): PyroscopeError {
  const { url } = settings;
  if (abortReason === 'timeout') {
    return new PyroscopeError(
      'timeout',
      `Pyroscope at ${url} did not answer ${method} within ${settings.timeoutMs / 1000} s (the datasource's timeout, setting timeoutSeconds). ` +
        'Narrow the time range or the label selector, or raise the timeout in the datasource settings'
    );
  }
  if (abortReason === 'cancelled') {
    return new PyroscopeError(
      'upstream',
      `The request to Pyroscope at ${url} was cancelled before it finished (Grafana cancelled it)`
    );
  }
  const { code: rawCode, message } = causeOf(err);
  // Node's https reports a plain-HTTP port as EPROTO with OpenSSL's words; fetch names it.
  const code = rawCode === 'EPROTO' && /wrong version number/i.test(message) ? 'ERR_SSL_WRONG_VERSION_NUMBER' : rawCode;
  const host = new URL(url).hostname;
  switch (code) {
    case 'ECONNREFUSED':
      return unreachable(url, 'connection refused', 'Check the URL and that Pyroscope is running');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return unreachable(
        url,
        `the host name ${host} could not be resolved (${code})`,
        'Check the host name in the URL and the DNS setup of the Grafana server'
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return unreachable(
        url,
        `no route to host (${code})`,
        'Check the URL and the network between Grafana and Pyroscope (firewall, VPN)'
      );
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return unreachable(
        url,
        'the connection timed out',
        'Check the URL and that no firewall drops traffic between Grafana and Pyroscope'
      );
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return tls(
        url,
        'the server does not speak TLS on this port. Use http:// instead of https:// if Pyroscope serves plain HTTP there'
      );
    case 'CERT_HAS_EXPIRED':
      return tls(
        url,
        "the server's certificate has expired. Renew the certificate of Pyroscope (or of the proxy in front of it)"
      );
    case 'CERT_NOT_YET_VALID':
      return tls(
        url,
        "the server's certificate is not valid yet. Check the clocks of the Grafana server and of the certificate's issuer"
      );
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return tls(
        url,
        `the server's certificate is not issued for ${host}. Put the host name the certificate names into the URL`
      );
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return new PyroscopeError(
        'upstream',
        `The connection to Pyroscope at ${url} was closed before it answered ${method} (${code}). Check Pyroscope's logs and any proxy between Grafana and Pyroscope`
      );
  }
  if (UNTRUSTED_CERT.has(code)) {
    return tls(
      url,
      `the server's certificate is not trusted (${code}: self-signed or signed by an unknown CA). ` +
        "Use a certificate from a trusted CA, or give the plugin's Node process that CA with NODE_EXTRA_CA_CERTS"
    );
  }
  if (/^ERR_(SSL|TLS)_|CERT|^EPROTO$/.test(code)) {
    return tls(url, `${message} (${code}). Check the certificate and the TLS setup of the server`);
  }
  if (code.startsWith('HPE_')) {
    return notPyroscopeError(
      url,
      method,
      `got an answer that is not HTTP/1.1 (${code}; is this Pyroscope's gRPC port?)`
    );
  }
  return new PyroscopeError(
    'upstream',
    `The request to Pyroscope at ${url} failed: ${message}${code === '' ? '' : ` (${code})`}`
  );
}

function unreachable(url: string, why: string, check: string): PyroscopeError {
  return new PyroscopeError('unreachable', `Pyroscope is not reachable at ${url}: ${why}. ${check}`);
}

function tls(url: string, what: string): PyroscopeError {
  return new PyroscopeError('tls', `TLS connection to ${url} failed: ${what}`);
}

function causeOf(err: unknown): { code: string; message: string } {
  const top = record(err);
  const cause = record(top?.cause) ?? top;
  const first = record(Array.isArray(cause?.errors) ? cause.errors[0] : undefined);
  return {
    code: text(cause?.code) ?? text(first?.code) ?? '',
    message: text(cause?.message) ?? text(first?.message) ?? String(err),
  };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
