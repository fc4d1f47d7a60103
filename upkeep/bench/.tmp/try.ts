import { runSpike } from '../src/spike/run-spike.ts';
import { scenarioChecks, spikeChecks } from '../src/spike/spike-checks.ts';
import { spikeBounds } from '../src/spike/spike-plan.ts';
import { summarizeSpike } from '../src/spike/spike-summary.ts';
const mode = (process.argv[2] ?? 'off') as 'on' | 'off';
const run = await runSpike(mode, console.log);
console.log(summarizeSpike(run.record));
for (const c of [...scenarioChecks(run.record), ...spikeChecks(run.record, spikeBounds)]) console.log(c.passed ? 'ok  ' : 'FAIL', c.name, '—', c.detail);
const byPhase = new Map<string, Map<string, number>>();
for (const r of run.record.requests) { const k = r.outcome.kind === 'answer' ? String(r.outcome.status) : r.outcome.kind; const m = byPhase.get(r.phase) ?? new Map(); m.set(k, (m.get(k) ?? 0) + 1); byPhase.set(r.phase, m); }
console.log(byPhase);
const inflight = run.record.calleeInFlight.map(s => s.value ?? -1);
console.log('inflight samples', inflight.length, 'max', Math.max(...inflight));
console.log(run.logTails.slice(0, 3000));
