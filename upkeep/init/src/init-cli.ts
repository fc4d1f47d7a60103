// The gen CLI of the generators, for bin/init.js to load with the init plopfile.
export { genCli } from '@slipway/generators';
