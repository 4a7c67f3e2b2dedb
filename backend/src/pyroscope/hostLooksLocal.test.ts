import { hostLooksLocal } from './hostLooksLocal';

/** The hostname exactly as the transport sees it, from the datasource URL. */
const hostOf = (url: string) => new URL(url).hostname;

describe('hostLooksLocal', () => {
  it.each([
    ['loopback IPv4', 'http://127.0.0.1:4040'],
    ['loopback IPv4, anywhere in 127/8', 'http://127.3.2.1:4040'],
    ['loopback IPv6', 'http://[::1]:4040'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]:4040'],
    ['10/8', 'http://10.20.30.40:4040'],
    ['172.16/12, low end', 'http://172.16.0.1:4040'],
    ['172.16/12, high end', 'http://172.31.255.254:4040'],
    ['192.168/16', 'http://192.168.1.10:4040'],
    ['IPv4-mapped private', 'http://[::ffff:192.168.1.10]:4040'],
    ['IPv4 link-local', 'http://169.254.1.1:4040'],
    ['IPv6 unique local (fc00::/7, fd)', 'http://[fd12:3456::1]:4040'],
    ['IPv6 unique local (fc00::/7, fc)', 'http://[fc00::5]:4040'],
    ['IPv6 link-local', 'http://[fe80::1]:4040'],
    ['the unspecified address', 'http://0.0.0.0:4040'],
    ['localhost', 'http://localhost:4040'],
    ['localhost in capitals', 'http://LOCALHOST:4040'],
    ['a *.localhost name', 'http://pyroscope.localhost:4040'],
    ['a docker-compose service name', 'http://pyroscope:4040'],
    ['a single label with a trailing dot', 'http://pyroscope.:4040'],
    ['an mDNS name', 'http://profiler.local:4040'],
    ['a cloud-internal name', 'http://pyroscope.europe-west1-b.c.project.internal:4040'],
    ['host.docker.internal', 'http://host.docker.internal:4040'],
    ['a Kubernetes service', 'http://pyroscope.monitoring.svc:4040'],
    ['a Kubernetes service, fully qualified', 'http://pyroscope.monitoring.svc.cluster.local:4040'],
  ])('treats %s as local (%s)', (_case, url) => {
    expect(hostLooksLocal(hostOf(url))).toBe(true);
  });

  it.each([
    ['Grafana Cloud', 'https://profiles-prod-001.grafana.net'],
    ['a public DNS name', 'https://pyroscope.example.com'],
    ['a public IPv4', 'http://8.8.8.8:4040'],
    ['just outside 172.16/12 (below)', 'http://172.15.255.255:4040'],
    ['just outside 172.16/12 (above)', 'http://172.32.0.1:4040'],
    ['a public IPv6', 'http://[2001:4860:4860::8888]:4040'],
    ['an IPv4-mapped public address', 'http://[::ffff:8.8.8.8]:4040'],
    ['a name that merely contains "local"', 'https://local.example.com'],
    ['a name ending in "svc" without the dot', 'https://mysvc.com'],
  ])('treats %s as remote (%s)', (_case, url) => {
    expect(hostLooksLocal(hostOf(url))).toBe(false);
  });
});
