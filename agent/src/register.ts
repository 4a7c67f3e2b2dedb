// `node --require @emberlabs/pyroscope-agent/register app.js`: starts the agent from PYROSCOPE_* variables.
import { start } from './index';

start();
