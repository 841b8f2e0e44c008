// Who can reach what. Every query, mutation and subscription of the schema must declare a
// permission (the guard refuses those that do not); the table below makes any change to
// access visible in review. Update it with `npx jest --selectProjects e2e permissions --ci=false -u`.

import { operationPermissions, permissionTable } from './support/operation-permissions';
import { startTestApp, TestApp } from './support/test-app';

describe('permissions of every GraphQL operation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('declares a permission on every operation', () => {
    const undeclared = operationPermissions(t.app).filter((r) => r.permission === 'NONE DECLARED' || r.permission === 'NO RESOLVER');
    expect(undeclared).toEqual([]);
  });

  it('matches the reviewed table', () => {
    expect(permissionTable(operationPermissions(t.app))).toMatchInlineSnapshot(`
"Query.auditEvents     TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.groups          PLATFORM       PLATFORM_ADMIN
Query.me              AUTHENTICATED  PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.users           USER_ADMIN     PLATFORM_ADMIN GROUP_ADMIN
Mutation.createGroup  PLATFORM       PLATFORM_ADMIN
Mutation.createUser   USER_ADMIN     PLATFORM_ADMIN GROUP_ADMIN
Mutation.login        PUBLIC         anyone"
`);
  });
});
