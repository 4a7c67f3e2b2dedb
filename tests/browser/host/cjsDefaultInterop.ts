import { readFileSync } from 'node:fs';
import { type Plugin } from 'esbuild';

const ES_MODULE_MARKER = /Object\.defineProperty\(\s*(module\.)?exports,\s*['"]__esModule['"]|exports\.__esModule\s*=/;
const WRAPPER = 'cjs-default-interop';

/**
 * Grafana's packages ship .mjs builds that import CommonJS packages compiled from ES modules
 * (`import Scrollbars from 'react-custom-scrollbars-2'`). esbuild gives an .mjs file Node's answer, the
 * whole `module.exports`, where Grafana's webpack build gives `exports.default`; this plugin gives
 * `exports.default` too, so such components are not objects at render time.
 */
export function cjsDefaultInterop(): Plugin {
  return {
    name: WRAPPER,
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (!args.importer.endsWith('.mjs') || args.pluginData === WRAPPER) {
          return undefined;
        }
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: WRAPPER,
        });
        if (resolved.errors.length > 0 || resolved.path.endsWith('.mjs') || !isCompiledEsModule(resolved.path)) {
          return undefined;
        }
        return { path: resolved.path, namespace: WRAPPER };
      });
      build.onLoad({ filter: /.*/, namespace: WRAPPER }, (args) => ({
        contents: `import * as m from ${JSON.stringify(args.path)}; export * from ${JSON.stringify(args.path)}; export default m.default;`,
        resolveDir: '/',
        loader: 'js',
      }));
    },
  };
}

function isCompiledEsModule(file: string): boolean {
  try {
    return ES_MODULE_MARKER.test(readFileSync(file, 'utf8').slice(0, 4000));
  } catch {
    return false;
  }
}
