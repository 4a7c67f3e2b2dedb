import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SOURCE = join(__dirname, 'cpuTimeSampler.cc');

/**
 * Compiles the CPU-time sampler fixture for one Node binary with the machine's C++ compiler and that Node's
 * own headers (`<prefix>/include/node`), into `build/cpuTimeSampler-abi<N>.node`; returns its path. Node
 * itself is built without RTTI, so the addon is too, or V8's classes would not link.
 */
export function buildCpuTimeSampler(nodeBinary: string = process.execPath): string {
  const [abi, version] = execFileSync(nodeBinary, ['-p', 'process.versions.modules + " " + process.versions.node'], {
    encoding: 'utf8',
  })
    .trim()
    .split(' ');
  const major = Number(version!.split('.')[0]);
  const include = resolve(dirname(realpathSync(nodeBinary)), '..', 'include', 'node');
  if (!existsSync(join(include, 'node.h'))) {
    throw new Error(`no Node headers at ${include}: the sampler is built against the headers of the Node that runs it`);
  }
  const out = join(__dirname, 'build', `cpuTimeSampler-abi${abi}.node`);
  mkdirSync(dirname(out), { recursive: true });
  execFileSync(
    'g++',
    [
      '-O2',
      '-shared',
      '-fPIC',
      '-fno-rtti',
      `-std=c++${major >= 22 ? 20 : 17}`,
      `-I${include}`,
      '-o',
      out,
      SOURCE,
      '-lpthread',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] }
  );
  return out;
}

if (require.main === module) {
  process.stdout.write(`${buildCpuTimeSampler(process.argv[2])}\n`);
}
