import { scaffoldService } from './scaffold-service.ts';

process.exitCode = await scaffoldService(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
