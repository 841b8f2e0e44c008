// locationsByServiceId per role: exact match inside the caller's groups; another group's
// location is never shown, and naming another group is NOT_FOUND.

import { createCustomer, locationInput, unique } from './provisioning/provisioning-ops';
import { createGroupWithAdmin, createSupportUser, describeEachDatabase, expectData, expectErrorCode, gql, GroupWithAdmin, platformAdmin, useTestApp } from './support';

const BY_SERVICE = `query ($serviceId: String!, $groupId: ID) { locationsByServiceId(serviceId: $serviceId, groupId: $groupId) { id serviceId customer { id } } }`;
type Found = { locationsByServiceId: { id: string; serviceId: string; customer: { id: string } }[] };

describeEachDatabase('location lookups', (db) => {
  const t = useTestApp(db);
  let tenant: GroupWithAdmin;
  let other: GroupWithAdmin;
  let support: string;
  let mineId: string;
  let theirsId: string;
  const serviceId = unique('FTTH');

  beforeAll(async () => {
    tenant = await createGroupWithAdmin(t.current);
    other = await createGroupWithAdmin(t.current);
    support = (await createSupportUser(t.current, tenant.groupId)).token;
    mineId = (await createCustomer(t.current, tenant.adminToken, { location: locationInput({ serviceId }) })).locations[0].id;
    theirsId = (await createCustomer(t.current, other.adminToken, { location: locationInput({ serviceId }) })).locations[0].id;
  });

  const find = async (token: string, variables: Record<string, unknown>) =>
    expectData(await gql<Found>(t.current, BY_SERVICE, variables, token)).locationsByServiceId.map((l) => l.id);

  it('finds the location of the caller\'s group by exact serviceId, for admins and support', async () => {
    expect(await find(tenant.adminToken, { serviceId })).toEqual([mineId]);
    expect(await find(support, { serviceId })).toEqual([mineId]);
    expect(await find(tenant.adminToken, { serviceId: serviceId.toLowerCase().slice(0, -1) })).toEqual([]);
  });

  it('shows platform admins every group, or the one named', async () => {
    const admin = await platformAdmin(t.current);
    expect((await find(admin, { serviceId })).sort()).toEqual([mineId, theirsId].sort());
    expect(await find(admin, { serviceId, groupId: other.groupId })).toEqual([theirsId]);
  });

  it('answers NOT_FOUND for another group and VALIDATION_FAILED for an empty serviceId', async () => {
    expectErrorCode(await gql(t.current, BY_SERVICE, { serviceId, groupId: other.groupId }, tenant.adminToken), 'NOT_FOUND');
    expectErrorCode(await gql(t.current, BY_SERVICE, { serviceId: ' ' }, tenant.adminToken), 'VALIDATION_FAILED');
  });
});
