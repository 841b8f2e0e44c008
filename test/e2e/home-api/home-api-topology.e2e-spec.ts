// Attachment G over the real wire: the operator imports node combine plan files (GraphQL,
// and the import command against the same database), every bad line is reported by number
// with nothing written, and SITE transactions are then checked against the imported head
// ends and OE nodes (-20001, -20003), byte for byte.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDatabase, expectData, expectErrorCode, gql, useTestApp } from '../support';
import { createGroupWithAdmin, createGroup, createSupportUser, platformAdmin } from '../support/roles';
import { COMMON, GATEWAY_ENV, GROUP, keyOf, port, site, subscriber } from './gateway-fixtures';
import { expectedError, expectedSuccess, MsoClient, transaction } from './mso-client';

/** Attachment G's example, as the document prints it. */
const NORWALK1 = [
  'CABLEVISION~NORWALK1~NORWALK1~RDC1.NORWALK1.HOME.COM~XXX-NORWALK1',
  'NORWALK1~NORWALK1-1~NODE-1~NORWALK1-A',
  'NORWALK1~NORWALK1-1~NODE-2~NORWALK1-A',
  'NORWALK1~NORWALK2-1~NODE-1~NORWALK1-A',
  'NORWALK1~NORWALK2-1~NODE-2~NORWALK2-A',
  '',
].join('\n');

const IMPORT = `mutation ($input: ImportNodeCombinePlanInput!) { importNodeCombinePlan(input: $input) { id headEnd cableOperator rdc warehouse oeNodes { laserGroup oeNode ipPool } } }`;
const HEAD_ENDS = `query ($groupId: ID) { homeApiHeadEnds(groupId: $groupId) { id headEnd oeNodes { laserGroup oeNode } } }`;
const REMOVE = `mutation ($id: ID!) { removeHomeApiHeadEnd(id: $id) }`;

interface HeadEndView {
  id: string;
  headEnd: string;
  oeNodes: { laserGroup: string; oeNode: string }[];
}

/** The command's run, without blocking the app that serves the test in this process. */
function runCommand(env: NodeJS.ProcessEnv, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/apis/home-api/topology/import-plan.command.ts', ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Each run of the command boots TypeScript and Nest: on a loaded machine that takes a while. */
const COMMAND_TEST_TIMEOUT_MS = 300_000;

const dir = mkdtempSync(join(tmpdir(), 'home-api-topology-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachDatabase('@Home API 2.0 gateway: the node combine plan (Attachment G)', (db) => {
  // On SQLite a file, so the import command can open the database the app uses.
  const t = useTestApp(db, { env: { ...GATEWAY_ENV, ...(db === 'sqlite' ? { DATABASE_URL: `sqlite:${join(dir, 'controller.sqlite')}` } : {}) } });
  let admin: string;
  let groupId: string;
  let client: MsoClient;

  beforeAll(async () => {
    groupId = await createGroup(t.current, GROUP);
    admin = await platformAdmin(t.current);
  });

  beforeEach(async () => {
    client = await MsoClient.open(port(t.current));
  });

  afterEach(() => client.close());

  const headEnds = async (): Promise<HeadEndView[]> => expectData(await gql<{ homeApiHeadEnds: HeadEndView[] }>(t.current, HEAD_ENDS, { groupId }, admin)).homeApiHeadEnds;
  const placedSite = (subscriberKey: string, msoSiteKey: string, headEnd: string, oeNode: string) =>
    site(['subscriber_key', subscriberKey], msoSiteKey).replace('|head_end=NORWALK1|oe_node=NODE-1|', `|head_end=${headEnd}|oe_node=${oeNode}|`);

  it('reports every bad line of a plan by number and writes nothing; SITE stays unchecked without a plan', async () => {
    const bad = ['CABLEVISION~NORWALK1~RDC1~WH', 'NORWALK1~LG~NODE-1~POOL', 'NORWALK2~LG~NODE-2~POOL', 'NORWALK1~LG~~POOL', 'NORWALK1~LG~NODE-1~POOL'].join('\n');
    const error = expectErrorCode(await gql(t.current, IMPORT, { input: { groupId, plan: bad } }, admin), 'VALIDATION_FAILED');
    expect(error.extensions?.fields).toEqual([
      { field: 'line 3', message: "HEAD_END NORWALK2 is not the file's head end NORWALK1 (one file per head end)" },
      { field: 'line 4', message: 'NODE is empty' },
      { field: 'line 5', message: 'node NODE-1 of laser group LG is already on line 2' },
    ]);
    expect(await headEnds()).toEqual([]);
    const subscriberKey = keyOf(await client.send(subscriber('7001')), 'subscriber_key');
    expect(await client.send(placedSite(subscriberKey, '7001', 'ANYWHERE', 'ANY-NODE'))).toMatch(/\|completion_code=0\|site_key=/);
  });

  it("checks SITE CREATE and UPDATE against the imported plan with Attachment H's errors", async () => {
    const imported = expectData(await gql<{ importNodeCombinePlan: Record<string, unknown> }>(t.current, IMPORT, { input: { groupId, plan: NORWALK1 } }, admin)).importNodeCombinePlan;
    expect(imported).toMatchObject({
      headEnd: 'NORWALK1',
      cableOperator: 'CABLEVISION NORWALK1',
      rdc: 'RDC1.NORWALK1.HOME.COM',
      warehouse: 'XXX-NORWALK1',
      oeNodes: [
        { laserGroup: 'NORWALK1-1', oeNode: 'NODE-1', ipPool: 'NORWALK1-A' },
        { laserGroup: 'NORWALK1-1', oeNode: 'NODE-2', ipPool: 'NORWALK1-A' },
        { laserGroup: 'NORWALK2-1', oeNode: 'NODE-1', ipPool: 'NORWALK1-A' },
        { laserGroup: 'NORWALK2-1', oeNode: 'NODE-2', ipPool: 'NORWALK2-A' },
      ],
    });
    const subscriberKey = keyOf(await client.send(subscriber('7002')), 'subscriber_key');
    expect(await client.send(placedSite(subscriberKey, '7002', 'NORWALK9', 'NODE-1'))).toBe(expectedError('CREATE', 'SITE', -20001, 'Invalid head end name'));
    expect(await client.send(placedSite(subscriberKey, '7002', 'NORWALK1', 'NODE-3'))).toBe(expectedError('CREATE', 'SITE', -20003, 'Invalid oe node name for head end'));
    const siteKey = keyOf(await client.send(placedSite(subscriberKey, '7002', 'norwalk1', 'node-2')), 'site_key');

    const update = (fields: [string, string][]) => transaction('UPDATE', 'SITE', [...COMMON, ['site_key', siteKey], ...fields]);
    expect(await client.send(update([['oe_node', 'NODE-7']]))).toBe(expectedError('UPDATE', 'SITE', -20003, 'Invalid oe node name for head end'));
    expect(await client.send(update([['head_end', 'STAMFORD1']]))).toBe(expectedError('UPDATE', 'SITE', -20001, 'Invalid head end name'));
    expect(await client.send(update([['head_end', 'NORWALK1'], ['oe_node', 'NODE-1']]))).toBe(expectedSuccess('UPDATE', 'SITE'));
  });

  it('replaces a head end imported again and stops checking once the last head end is removed', async () => {
    const again = NORWALK1.split('\n').filter((line) => !line.includes('NODE-2')).join('\n');
    expectData(await gql(t.current, IMPORT, { input: { groupId, plan: again } }, admin));
    const [norwalk] = await headEnds();
    expect(norwalk?.oeNodes).toEqual([
      { laserGroup: 'NORWALK1-1', oeNode: 'NODE-1' },
      { laserGroup: 'NORWALK2-1', oeNode: 'NODE-1' },
    ]);
    const subscriberKey = keyOf(await client.send(subscriber('7003')), 'subscriber_key');
    expect(await client.send(placedSite(subscriberKey, '7003', 'NORWALK1', 'NODE-2'))).toBe(expectedError('CREATE', 'SITE', -20003, 'Invalid oe node name for head end'));

    expect(expectData(await gql<{ removeHomeApiHeadEnd: boolean }>(t.current, REMOVE, { id: norwalk?.id }, admin)).removeHomeApiHeadEnd).toBe(true);
    expect(await headEnds()).toEqual([]);
    expect(await client.send(placedSite(subscriberKey, '7003', 'NORWALK1', 'NODE-2'))).toMatch(/\|completion_code=0\|site_key=/);
  });

  it("keeps a group's plan to its admins", async () => {
    const other = await createGroupWithAdmin(t.current);
    expectErrorCode(await gql(t.current, IMPORT, { input: { groupId, plan: NORWALK1 } }, other.adminToken), 'NOT_FOUND');
    expectErrorCode(await gql(t.current, HEAD_ENDS, { groupId }, other.adminToken), 'NOT_FOUND');
    const support = await createSupportUser(t.current, groupId);
    expectErrorCode(await gql(t.current, IMPORT, { input: { groupId, plan: NORWALK1 } }, support.token), 'FORBIDDEN');
    expect(expectData(await gql<{ homeApiHeadEnds: HeadEndView[] }>(t.current, HEAD_ENDS, {}, support.token)).homeApiHeadEnds).toEqual([]);
  });

  it('imports plan files with the import command, all of them or, with a bad line, none', async () => {
    const env = { ...process.env, DATABASE_URL: t.current.config.databaseUrl };
    const run = (...args: string[]) => runCommand(env, args);
    const good = join(dir, `${db}-norwalk1.txt`);
    const bad = join(dir, `${db}-stamford1.txt`);
    writeFileSync(good, NORWALK1);
    writeFileSync(bad, 'CABLEVISION~STAMFORD1~RDC1~WH\nSTAMFORD1~SF-1~NODE-1~SF-A\nSTAMFORD1~SF-1~NODE-2\n');

    const refused = await run('--group', GROUP, good, bad);
    expect({ status: refused.status, stderr: refused.stderr }).toEqual({
      status: 1,
      stderr: `${bad} line 3: expected <HEAD_END>~<LASER_GROUP>~<NODE>~<IP_POOL>, found 3 fields\nnothing was imported\n`,
    });
    expect(await headEnds()).toEqual([]);
    expect(await run('--group', 'no-such-group', good)).toMatchObject({ status: 1, stderr: 'group no-such-group does not exist\n' });
    expect(await run(good)).toMatchObject({ status: 2, stderr: expect.stringMatching(/^usage: import-plan --group/) });

    writeFileSync(bad, 'CABLEVISION~STAMFORD1~RDC1~WH\nSTAMFORD1~SF-1~NODE-1~SF-A\n');
    const imported = await run('--group', groupId, good, bad);
    expect({ status: imported.status, stdout: imported.stdout }).toEqual({
      status: 0,
      stdout: `NORWALK1: 4 OE nodes imported for group ${GROUP}\nSTAMFORD1: 1 OE nodes imported for group ${GROUP}\n`,
    });
    expect((await headEnds()).map((h) => [h.headEnd, h.oeNodes.length])).toEqual([
      ['NORWALK1', 4],
      ['STAMFORD1', 1],
    ]);
    const subscriberKey = keyOf(await client.send(subscriber('7004')), 'subscriber_key');
    expect(await client.send(placedSite(subscriberKey, '7004', 'STAMFORD1', 'NODE-2'))).toBe(expectedError('CREATE', 'SITE', -20003, 'Invalid oe node name for head end'));
    expect(await client.send(placedSite(subscriberKey, '7004', 'STAMFORD1', 'NODE-1'))).toMatch(/\|completion_code=0\|site_key=/);
  }, COMMAND_TEST_TIMEOUT_MS);
});
