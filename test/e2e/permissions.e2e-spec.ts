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
"Query.apiClients                       TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.auditEvents                      TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.client                           TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.clientsByMac                     TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.customer                         TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.customerApiGrants                TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.customerByAccountId              TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.customers                        TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.deviceOperation                  TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.deviceOperations                 TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.eblDeliveries                    TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.eblProviders                     TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.firmwareImages                   TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.groups                           PLATFORM       PLATFORM_ADMIN
Query.homeApiHeadEnds                  TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.keyPool                          VENUE_READ     PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT VENUE_MANAGER
Query.location                         TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.locationsByServiceId             TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.me                               AUTHENTICATED  PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT VENUE_MANAGER
Query.node                             TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.nodeBySerial                     TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.nodes                            TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.personalKey                      VENUE_READ     PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT VENUE_MANAGER
Query.rebootMethods                    PLATFORM       PLATFORM_ADMIN
Query.scratchCardBatch                 VENUE_READ     PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT VENUE_MANAGER
Query.serialAssignments                PLATFORM       PLATFORM_ADMIN
Query.telemetrySettings                TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Query.unclaimedNodes                   TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Query.users                            USER_ADMIN     PLATFORM_ADMIN GROUP_ADMIN
Query.venue                            VENUE_READ     PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT VENUE_MANAGER
Query.venues                           VENUE_READ     PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT VENUE_MANAGER
Query.wifiNetwork                      TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Mutation.addKeyPoolNetworks            VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.approveApiClientScopes        PLATFORM       PLATFORM_ADMIN
Mutation.assignSerials                 PLATFORM       PLATFORM_ADMIN
Mutation.assignVenueManager            USER_ADMIN     PLATFORM_ADMIN GROUP_ADMIN
Mutation.cancelDeviceOperation         SUPPORT_TOOLS  PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Mutation.changePassword                AUTHENTICATED  PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT VENUE_MANAGER
Mutation.claimNode                     TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.clearNetworkMacList           TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.completeOnboarding            TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.configureEblProvider          TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.createClientKickOperation     SUPPORT_TOOLS  PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Mutation.createCustomer                TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.createCustomerPasswordLink    TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.createFirmwareImage           PLATFORM       PLATFORM_ADMIN
Mutation.createFirmwareOperation       SUPPORT_TOOLS  PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Mutation.createGroup                   PLATFORM       PLATFORM_ADMIN
Mutation.createKeyPool                 VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.createLocation                TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.createLogPullOperation        SUPPORT_TOOLS  PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Mutation.createRebootOperation         SUPPORT_TOOLS  PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Mutation.createResidentPasswordLink    VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.createScratchCards            VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.createUser                    USER_ADMIN     PLATFORM_ADMIN GROUP_ADMIN
Mutation.createVenue                   TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.createVenueResident           VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.createVenueUnit               TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.createWifiNetwork             TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.deleteApiClient               TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.deleteFirmwareImage           PLATFORM       PLATFORM_ADMIN
Mutation.deleteGroup                   PLATFORM       PLATFORM_ADMIN
Mutation.deleteKeyPool                 VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.deleteLocation                TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.deleteNode                    TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.deleteRebootMethod            PLATFORM       PLATFORM_ADMIN
Mutation.deleteUser                    USER_ADMIN     PLATFORM_ADMIN GROUP_ADMIN
Mutation.deleteVenue                   TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.deleteVenueUnit               TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.deleteWifiNetwork             TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.extendScratchCards            VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.importNodeCombinePlan         TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.invalidateScratchCards        VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.issuePersonalKey              VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.login                         PUBLIC         anyone
Mutation.pauseDeviceOperation          SUPPORT_TOOLS  PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Mutation.registerApiClient             TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.removeEblProvider             TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.removeHomeApiHeadEnd          TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.removeKeyPoolNetwork          VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.removeSerialAssignment        PLATFORM       PLATFORM_ADMIN
Mutation.removeVenueResident           VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.renameClient                  TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.rescheduleDeviceOperation     SUPPORT_TOOLS  PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Mutation.resumeCustomer                TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.resumeDeviceOperation         SUPPORT_TOOLS  PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Mutation.resumePersonalKey             VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.revokeCustomerApiGrant        TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.revokePersonalKey             VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.revokeUserSessions            USER_ADMIN     PLATFORM_ADMIN GROUP_ADMIN
Mutation.rotateApiClientSecret         TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.rotateEblProviderSecret       TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.rotatePersonalKey             VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.setNetworkMacList             TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.setRebootMethod               PLATFORM       PLATFORM_ADMIN
Mutation.suspendCustomer               TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.suspendPersonalKey            VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.terminateCustomer             TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.unassignVenueManager          USER_ADMIN     PLATFORM_ADMIN GROUP_ADMIN
Mutation.unclaimNode                   TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.updateCustomer                TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.updateGroup                   PLATFORM       PLATFORM_ADMIN
Mutation.updateKeyPool                 VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.updateLocation                TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.updateNode                    TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.updateTelemetrySettings       TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.updateUser                    USER_ADMIN     PLATFORM_ADMIN GROUP_ADMIN
Mutation.updateVenue                   VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.updateVenueUnit               VENUE_WRITE    PLATFORM_ADMIN GROUP_ADMIN VENUE_MANAGER
Mutation.updateWifiNetwork             TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.updateWifiNetworks            TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Mutation.verifyCustomerEmail           TENANT_WRITE   PLATFORM_ADMIN GROUP_ADMIN
Subscription.clientConnectionChanged   TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Subscription.deviceOperationProgress   TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT
Subscription.wifiNetworkStatusChanged  TENANT_READ    PLATFORM_ADMIN GROUP_ADMIN GROUP_SUPPORT"
`);
  });
});
