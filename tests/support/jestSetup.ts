// Tests in tests/ start real servers (Pyroscope, the backend through Grafana's client), which takes seconds.
jest.setTimeout(120000);
