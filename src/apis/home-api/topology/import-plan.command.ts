// The operator's command for Attachment G: imports node combine plan files (one per head end)
// for a group, with the server's own configuration (DATABASE_URL). Every line of every file
// is checked first; bad lines are printed as `<file> line N: <problem>` and nothing is
// written. Usage: import-plan --group <group id or name> <file> [<file>...]
// Exit status: 0 imported, 1 refused (bad lines, unknown group), 2 usage.

import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { AuditModule } from '../../../audit/audit.module';
import { Principal, Role } from '../../../common/auth/principal';
import { AppError } from '../../../common/errors/app-error';
import { APP_CONFIG } from '../../../config/app-config';
import { loadConfig } from '../../../config/load-config';
import { DatabaseModule } from '../../../database/database.module';
import { Group } from '../../../identity/group.entity';
import { HeadEnd } from './head-end.entity';
import { OeNode } from './oe-node.entity';
import { PlanFile, TopologyService } from './topology.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USAGE = 'usage: import-plan --group <group id or name> <node combine plan file> [<file>...]';

/** The server's settings; their warnings concern the server, not this command. */
@Global()
@Module({ providers: [{ provide: APP_CONFIG, useFactory: () => loadConfig(process.env, () => undefined) }], exports: [APP_CONFIG] })
class CommandConfigModule {}

@Module({
  imports: [CommandConfigModule, DatabaseModule, TypeOrmModule.forFeature([HeadEnd, OeNode, Group]), AuditModule],
  providers: [TopologyService],
})
class ImportPlanModule {}

/** The audit trail names the command; a stable id, as for the gateway's MSOs. */
function commandPrincipal(): Principal {
  const h = createHash('sha256').update('command:home-api-import-plan').digest('hex');
  const userId = `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return { userId, email: 'command:home-api-import-plan', role: Role.PLATFORM_ADMIN, groupIds: [] };
}

export function parseArguments(argv: readonly string[]): { group: string; files: string[] } | undefined {
  const at = argv.indexOf('--group');
  const group = at >= 0 ? argv[at + 1] : undefined;
  if (group === undefined || group.startsWith('--')) return undefined;
  const files = argv.filter((_, i) => i !== at && i !== at + 1);
  if (files.length === 0 || files.some((f) => f.startsWith('--'))) return undefined;
  return { group, files };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArguments(argv);
  if (args === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const files: PlanFile[] = [];
  for (const name of args.files) files.push({ name, text: await readFile(name, 'latin1') });
  const app = await NestFactory.createApplicationContext(ImportPlanModule, { logger: ['error'] });
  try {
    const where = UUID.test(args.group) ? { id: args.group.toLowerCase() } : { name: args.group };
    const group = await app.get(DataSource).manager.findOneBy(Group, where);
    if (group === null) {
      process.stderr.write(`group ${args.group} does not exist\n`);
      return 1;
    }
    const saved = await app.get(TopologyService).importPlans(commandPrincipal(), group.id, files);
    for (const h of saved) process.stdout.write(`${h.headEnd}: ${h.oeNodes?.length ?? 0} OE nodes imported for group ${group.name}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) || error.fields === undefined) throw error;
    for (const f of error.fields) process.stderr.write(`${f.field}: ${f.message}\n`);
    process.stderr.write('nothing was imported\n');
    return 1;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`import-plan failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
