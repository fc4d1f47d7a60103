/**
 * Loads an optional peer dependency on first use, turning "module not found" into an error that
 * says which package to install. Other load errors are rethrown unchanged.
 *
 * @example
 * const { Client } = await importOptional('pg', 'postgresCheck', () => import('pg'));
 */
export async function importOptional<T>(
  packageName: string,
  usedBy: string,
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissing(error, packageName)) {
      throw new Error(
        `${usedBy} needs the optional package '${packageName}', which is not installed: run \`npm install ${packageName}\`.`,
      );
    }
    throw error;
  }
}

function isMissing(error: unknown, packageName: string): boolean {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as { code?: unknown }).code;
  const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
  // A package that is present but misses one of its own dependencies is a different problem.
  return notFound && error.message.includes(`'${packageName}'`);
}
