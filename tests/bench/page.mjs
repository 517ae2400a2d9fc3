// Loads the harness (tests/bench/harness.rs) and hands it to the benchmark as `window.harness`.
import init, * as harness from './bench_harness.js';

await init();
window.harness = harness;
window.harnessReady = true;
