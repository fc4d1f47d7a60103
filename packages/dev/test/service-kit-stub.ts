/**
 * Files of a stand-in `@slipway/service-kit` installed in a fixture service's `node_modules`:
 * its tracing entry point only prints `tracing entry loaded`, so a test sees that
 * `dist/tracing.js` is that entry point and that it ran before the service.
 * @example createFixtureRepo({ ...serviceKitStub('apps/hello'), 'apps/hello/src/index.ts': '' })
 */
export function serviceKitStub(serviceDir: string): Record<string, string> {
  const kit = `${serviceDir}/node_modules/@slipway/service-kit`;
  return {
    [`${kit}/package.json`]: `${JSON.stringify({
      name: '@slipway/service-kit',
      type: 'module',
      exports: { './tracing': { '@slipway/source': './tracing.ts', default: './missing.js' } },
    })}\n`,
    [`${kit}/tracing.ts`]: "console.log('tracing entry loaded');\n",
  };
}
