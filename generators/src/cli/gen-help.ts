import { type GeneratorSummary, generatorExample, generatorUsage, genUsage } from './gen-usage.ts';

/**
 * `npm run gen -- --help`: every generator with its description and usage line.
 * @example console.log(formatGeneratorList([{ name: 'package', description: '...', options: [] }]))
 */
export function formatGeneratorList(generators: readonly GeneratorSummary[]): string {
  const width = Math.max(...generators.map((g) => g.name.length));
  const indent = ' '.repeat(width + 4);
  const entries = generators.map(
    (g) => `  ${g.name.padEnd(width)}  ${g.description}\n${indent}${generatorUsage(g)}`,
  );
  return [
    `Usage: ${genUsage}`,
    '',
    'Generators (without one, npm run gen asks which to run):',
    ...entries,
    '',
    'Options:',
    "  -h, --help  show this help; after a generator's '--', its options:",
    '              npm run gen -- package -- --help',
    '',
    'Options not given are asked in a terminal. Exit code 0 on success, 1 on any error.',
    '',
  ].join('\n');
}

/**
 * `npm run gen -- <generator> -- --help`: the generator's usage line, description and options.
 * @example console.log(formatGeneratorHelp({ name: 'package', description: '...', options: [...] }))
 */
export function formatGeneratorHelp(generator: GeneratorSummary): string {
  const width = Math.max(10, ...generator.options.map((o) => o.name.length + 2));
  const example = generatorExample(generator.name);
  return [
    `Usage: ${generatorUsage(generator)}`,
    '',
    generator.description,
    '',
    'Options (asked in a terminal when missing):',
    ...generator.options.map((o) => `  ${`--${o.name}`.padEnd(width)}  ${o.message}`),
    `  ${'-h, --help'.padEnd(width)}  show this help`,
    ...(example ? ['', 'Example:', `  ${example}`] : []),
    '',
    'Exit code 0 on success, 1 on any error.',
    '',
  ].join('\n');
}
