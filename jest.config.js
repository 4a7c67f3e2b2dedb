// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const scaffold = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

// Node-side code (backend, tests against real servers) is TypeScript run through the scaffold's SWC transform.
const nodeTransform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { sourceMaps: 'inline', jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } },
  ],
};

module.exports = {
  projects: [
    {
      ...scaffold,
      displayName: 'frontend',
      // d3 and friends ship ESM builds as .mjs; transform them like the scaffold's .js files.
      transform: { ...scaffold.transform, '^.+\\.mjs$': scaffold.transform['^.+\\.(t|j)sx?$'] },
      // @grafana/flamegraph pulls in all of d3, whose parts (and their helpers) are ESM-only too.
      transformIgnorePatterns: [
        nodeModulesToTransform([...grafanaESModules, 'd3-[a-z-]+', 'internmap', 'delaunator', 'robust-predicates']),
      ],
    },
    {
      displayName: 'backend',
      testEnvironment: 'node',
      roots: ['<rootDir>/backend'],
      testMatch: ['<rootDir>/backend/**/*.test.ts'],
      transform: nodeTransform,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      transform: nodeTransform,
      setupFilesAfterEnv: ['<rootDir>/tests/support/jestSetup.ts'],
    },
  ],
};
