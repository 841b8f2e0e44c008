// Entry point of `npm run sim`: runs a fleet of simulated OpenSync devices against a
// controller, prints a progress line, and shuts down cleanly on Ctrl-C (SIGINT/SIGTERM).
import { loadSchemaFile } from '../server/ovsdb-server';
import { OPENSYNC_SUBSET_SCHEMA_PATH } from '../schema-files';
import { Fleet, formatStats } from './fleet';
import { parseFleetArgs } from './fleet-options';

async function main(): Promise<void> {
  let options;
  try {
    options = parseFleetArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const schema = loadSchemaFile(options.schemaPath ?? OPENSYNC_SUBSET_SCHEMA_PATH);
  const verbose = process.env.SIM_VERBOSE === '1';
  const fleet = new Fleet(options, schema, (line) => {
    if (verbose) process.stderr.write(`${line}\n`);
  });
  const tty = process.stderr.isTTY;
  const progress = setInterval(() => {
    const line = formatStats(fleet.stats());
    process.stderr.write(tty ? `\r${line}   ` : `${line}\n`);
  }, 1000);
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    clearInterval(progress);
    process.stderr.write(`\n${signal}: stopping ${fleet.devices.length} devices\n`);
    void fleet.stop().then(() => {
      process.stderr.write(`${formatStats(fleet.stats())}\nstopped\n`);
      process.exit(0);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.stderr.write(`starting ${options.devices} devices against ${options.redirector ? 'the redirector ' : ''}${options.controller}\n`);
  await fleet.start();
}

void main();
