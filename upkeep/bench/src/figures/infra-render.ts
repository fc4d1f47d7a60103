import { renderServices, syntheticCatalog } from '@slipway/infra-services/render';
import type { Figure, Row } from '../figure.ts';
import { median } from '../lib/stats.ts';

const settings = {
  /** Renders of each catalog size; the median is reported. */
  repeats: Number(process.env.BENCH_RENDER_REPEATS ?? 3),
  sizes: [10, 100] as const,
};

async function timeRender(count: number): Promise<number> {
  const { manifests, config, platform } = syntheticCatalog(count);
  const started = performance.now();
  await renderServices(manifests, config, platform);
  return performance.now() - started;
}

/**
 * Render time of the services program for 10 and 100 synthetic services under Pulumi mocks, and
 * the cost per service at each size: equal per-service costs mean the cost grows linearly.
 */
export const infraRender: Figure = {
  name: 'render',
  summary: 'the services program under Pulumi mocks, 10 vs 100 services: cost per service',
  async run(progress) {
    progress('warming up (first render loads Pulumi and the Kubernetes provider)');
    await timeRender(2);
    const perSize = new Map<number, number>();
    for (const count of settings.sizes) {
      const times: number[] = [];
      for (let i = 1; i <= settings.repeats; i++) {
        progress(`rendering ${count} services, ${i}/${settings.repeats}`);
        times.push(await timeRender(count));
      }
      perSize.set(count, median(times));
    }
    const [small, large] = settings.sizes;
    const smallMs = perSize.get(small) ?? 0;
    const largeMs = perSize.get(large) ?? 0;
    const perServiceRatio = largeMs / large / (smallMs / small);
    const rows: Row[] = settings.sizes.map((count) => ({
      figure: 'infra render',
      metric: `${count} services (median)`,
      subject: `${Math.round(perSize.get(count) ?? 0)} ms`,
    }));
    rows.push({
      figure: 'infra render',
      metric: `per-service cost, ${large} vs ${small}`,
      subject: `${(largeMs / large).toFixed(1)} ms`,
      baseline: `${(smallMs / small).toFixed(1)} ms`,
      ratio: perServiceRatio,
      // Linear growth keeps the per-service cost flat; allow noise, not a quadratic term.
      target: { text: '≤ 1.5 (linear)', met: perServiceRatio <= 1.5 },
    });
    return rows;
  },
};
