/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleGroups {\n    groups(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.ConsoleGroupsDocument,
    "mutation ConsoleCreateGroup($name: String!) { createGroup(input: { name: $name }) { id name } }": typeof types.ConsoleCreateGroupDocument,
    "\n  mutation ConsoleCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n    }\n  }\n": typeof types.ConsoleCreateUserDocument,
    "\n  query ConsoleUsers($platform: Boolean!) {\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    users(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          role\n          createdAt\n          groups {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleUsersDocument,
    "mutation ConsoleRevokeSessions($id: ID!) { revokeUserSessions(id: $id) { id } }": typeof types.ConsoleRevokeSessionsDocument,
    "\n  query ConsoleApiClients($platform: Boolean!) {\n    apiClients {\n      id\n      clientId\n      name\n      groupId\n      confidential\n      scopes\n      redirectUris\n      justification\n      sensitiveApprovedAt\n      createdAt\n    }\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ConsoleApiClientsDocument,
    "mutation ConsoleDeleteApiClient($id: ID!) { deleteApiClient(id: $id) }": typeof types.ConsoleDeleteApiClientDocument,
    "mutation ConsoleApproveApiClient($id: ID!) { approveApiClientScopes(id: $id) { id sensitiveApprovedAt } }": typeof types.ConsoleApproveApiClientDocument,
    "\n  mutation ConsoleRegisterApiClient($input: RegisterApiClientInput!) {\n    registerApiClient(input: $input) {\n      clientSecret\n      client {\n        id\n        clientId\n        name\n      }\n    }\n  }\n": typeof types.ConsoleRegisterApiClientDocument,
    "\n  query ConsoleAudit($after: String, $objectId: ID, $actor: String, $action: String, $from: DateTime, $to: DateTime) {\n    auditEvents(first: 50, after: $after, objectId: $objectId, actor: $actor, action: $action, from: $from, to: $to) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          actorEmail\n          action\n          objectType\n          objectId\n        }\n      }\n    }\n  }\n": typeof types.ConsoleAuditDocument,
    "\n  mutation ConsoleLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        role\n      }\n    }\n  }\n": typeof types.ConsoleLoginDocument,
    "\n  query ConsoleCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      email\n      accountId\n      partnerId\n      status\n      emailVerified\n      onboardingCompletedAt\n      createdAt\n      locations {\n        id\n        name\n        serviceId\n        address {\n          street\n          city\n          postalCode\n          country\n        }\n        nodes {\n          id\n          serial\n          model\n          connected\n        }\n        wifiNetworks {\n          id\n          status {\n            overall\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleCustomerDocument,
    "mutation ConsoleSuspendCustomer($id: ID!) { suspendCustomer(id: $id) { id status } }": typeof types.ConsoleSuspendCustomerDocument,
    "mutation ConsoleResumeCustomer($id: ID!) { resumeCustomer(id: $id) { id status } }": typeof types.ConsoleResumeCustomerDocument,
    "mutation ConsoleTerminateCustomer($id: ID!) { terminateCustomer(id: $id) { id status } }": typeof types.ConsoleTerminateCustomerDocument,
    "mutation ConsoleVerifyEmail($id: ID!) { verifyCustomerEmail(id: $id) { id emailVerified } }": typeof types.ConsoleVerifyEmailDocument,
    "mutation ConsoleCompleteOnboarding($customerId: ID!) { completeOnboarding(customerId: $customerId) { id onboardingCompletedAt } }": typeof types.ConsoleCompleteOnboardingDocument,
    "mutation ConsoleUnclaimNode($id: ID!, $reason: String!) { unclaimNode(id: $id, reason: $reason) { id locationId } }": typeof types.ConsoleUnclaimNodeDocument,
    "\n  mutation ConsoleConfigureEbl($input: EblProviderInput!) {\n    configureEblProvider(input: $input) {\n      secret\n      provider {\n        apiClientId\n      }\n    }\n  }\n": typeof types.ConsoleConfigureEblDocument,
    "\n  query ConsoleEblDeliveries($apiClientId: ID!) {\n    eblDeliveries(apiClientId: $apiClientId, limit: 50) {\n      id\n      mac\n      accessId\n      status\n      createdAt\n      finishedAt\n      nextAttemptAt\n      attempts {\n        number\n        at\n        httpStatus\n        error\n      }\n    }\n  }\n": typeof types.ConsoleEblDeliveriesDocument,
    "\n  query ConsoleEblGroups($platform: Boolean!) {\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ConsoleEblGroupsDocument,
    "\n  query ConsoleEblProviders($groupId: ID!) {\n    eblProviders(groupId: $groupId) {\n      apiClientId\n      notificationUrl\n      accessIdSource\n      locationScope\n      updatedAt\n    }\n    apiClients(groupId: $groupId) {\n      id\n      name\n    }\n  }\n": typeof types.ConsoleEblProvidersDocument,
    "mutation ConsoleRotateEblSecret($apiClientId: ID!) { rotateEblProviderSecret(apiClientId: $apiClientId) { secret } }": typeof types.ConsoleRotateEblSecretDocument,
    "mutation ConsoleRemoveEbl($apiClientId: ID!) { removeEblProvider(apiClientId: $apiClientId) { apiClientId } }": typeof types.ConsoleRemoveEblDocument,
    "\n  query ConsoleLocationClients($id: ID!, $from: DateTime!) {\n    location(id: $id) {\n      id\n      name\n      clients(connectedOnly: false) {\n        mac\n        nickname\n        hostname\n        connected\n        band\n        ip\n        lastSeenAt\n      }\n      usage(bucket: HOUR, from: $from) {\n        start\n        rxBytes\n        txBytes\n      }\n      topTalkers(first: 10, from: $from) {\n        mac\n        nickname\n        rxBytes\n        txBytes\n      }\n    }\n  }\n": typeof types.ConsoleLocationClientsDocument,
    "\n  mutation ConsoleClientKick($input: CreateClientKickInput!) {\n    createClientKickOperation(input: $input) {\n      id\n    }\n  }\n": typeof types.ConsoleClientKickDocument,
    "\n  query ConsoleLocation($id: ID!) {\n    location(id: $id) {\n      id\n      name\n      serviceId\n      timezone\n      customer {\n        id\n        name\n        status\n      }\n      nodes {\n        id\n        serial\n        model\n        firmwareVersion\n        connected\n        connectedSince\n        lastSeenAt\n        macAddress\n      }\n      wifiNetworks {\n        id\n        kind\n        ssid\n        securityMode\n        passphrase\n        bands\n        enabled\n        hidden\n        clientIsolation\n        vlanId\n        status {\n          ...ConsoleNetworkStatusFields\n        }\n      }\n    }\n  }\n": typeof types.ConsoleLocationDocument,
    "\n  subscription ConsoleNetworkStatus($networkId: ID!) {\n    wifiNetworkStatusChanged(networkId: $networkId) {\n      ...ConsoleNetworkStatusFields\n    }\n  }\n": typeof types.ConsoleNetworkStatusDocument,
    "\n  mutation ConsoleCreateNetwork($locationId: ID!, $input: CreateWifiNetworkInput!, $key: String) {\n    createWifiNetwork(locationId: $locationId, input: $input, idempotencyKey: $key) {\n      id\n    }\n  }\n": typeof types.ConsoleCreateNetworkDocument,
    "\n  mutation ConsoleUpdateNetwork($id: ID!, $input: UpdateWifiNetworkInput!) {\n    updateWifiNetwork(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.ConsoleUpdateNetworkDocument,
    "\n  query ConsoleNode($id: ID!) {\n    node(id: $id) {\n      id\n      serial\n      model\n      firmwareVersion\n      connected\n      connectedSince\n      lastSeenAt\n      claimedAt\n      macAddress\n      remoteAddress\n      location {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ConsoleNodeDocument,
    "\n  fragment ConsoleNetworkStatusFields on WifiNetworkStatus {\n    networkId\n    overall\n    nodes {\n      nodeId\n      serial\n      status\n      mismatches {\n        reason\n        ifName\n        column\n        desired\n        config\n        state\n      }\n    }\n  }\n": typeof types.ConsoleNetworkStatusFieldsFragmentDoc,
    "\n  query ConsoleOperation($id: ID!) {\n    deviceOperation(id: $id) {\n      id\n      kind\n      state\n      createdAt\n      createdByEmail\n      finishedAt\n      targetCount\n      progress {\n        state\n        count\n      }\n      targets(first: 100) {\n        edges {\n          node {\n            id\n            serial\n            state\n            detail\n            failureCode\n            logArchiveUrl\n            finishedAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleOperationDocument,
    "\n  subscription ConsoleOperationProgress($id: ID!) {\n    deviceOperationProgress(id: $id) {\n      operationId\n      state\n      counts {\n        state\n        count\n      }\n    }\n  }\n": typeof types.ConsoleOperationProgressDocument,
    "\n  query ConsoleOperations($after: String, $filter: DeviceOperationsFilter) {\n    deviceOperations(first: 25, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          state\n          createdAt\n          createdByEmail\n          targetCount\n          progress {\n            state\n            count\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleOperationsDocument,
    "mutation ConsoleReboot($input: CreateRebootInput!) { createRebootOperation(input: $input) { id } }": typeof types.ConsoleRebootDocument,
    "mutation ConsoleLogPull($input: CreateRebootInput!) { createLogPullOperation(input: $input) { id } }": typeof types.ConsoleLogPullDocument,
    "\n  query ConsoleFirmwareImages($model: String) {\n    firmwareImages(model: $model) {\n      id\n      version\n      model\n      notes\n    }\n  }\n": typeof types.ConsoleFirmwareImagesDocument,
    "mutation ConsoleFirmware($input: CreateFirmwareUpgradeInput!) { createFirmwareOperation(input: $input) { id } }": typeof types.ConsoleFirmwareDocument,
    "\n  query ConsoleSearchCustomers($search: String!) {\n    customers(filter: { search: $search }, first: 8) {\n      edges {\n        node {\n          id\n          name\n          email\n          accountId\n          status\n        }\n      }\n    }\n  }\n": typeof types.ConsoleSearchCustomersDocument,
    "\n  query ConsoleSearchNodes($prefix: String!) {\n    nodes(filter: { serialPrefix: $prefix }, first: 8) {\n      edges {\n        node {\n          id\n          serial\n          model\n          locationId\n          location {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleSearchNodesDocument,
    "\n  query ConsoleSearchServiceId($serviceId: String!) {\n    locationsByServiceId(serviceId: $serviceId) {\n      id\n      name\n      serviceId\n      customer {\n        name\n      }\n    }\n  }\n": typeof types.ConsoleSearchServiceIdDocument,
    "\n  query ConsoleSearchMac($mac: String!) {\n    clientsByMac(mac: $mac) {\n      mac\n      locationId\n      nickname\n      hostname\n      connected\n    }\n  }\n": typeof types.ConsoleSearchMacDocument,
    "mutation ConsoleExtendScratchCards($id: ID!, $minutes: Int!) { extendScratchCards(id: $id, validForMinutes: $minutes) { id validForMinutes } }": typeof types.ConsoleExtendScratchCardsDocument,
    "mutation ConsoleInvalidateScratchCards($id: ID!) { invalidateScratchCards(id: $id) { id invalidatedAt } }": typeof types.ConsoleInvalidateScratchCardsDocument,
    "\n  mutation ConsoleCreateScratchCards($input: CreateScratchCardsInput!) {\n    createScratchCards(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.ConsoleCreateScratchCardsDocument,
    "\n  query ConsoleCustomerLocations($id: ID!) {\n    customer(id: $id) {\n      id\n      locations {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ConsoleCustomerLocationsDocument,
    "\n  mutation ConsoleCreateUnit($input: CreateVenueUnitInput!) {\n    createVenueUnit(input: $input) {\n      id\n      name\n      kind\n      locationId\n    }\n  }\n": typeof types.ConsoleCreateUnitDocument,
    "\n  query ConsoleVenueCustomers($groupId: ID!, $search: String) {\n    customers(first: 10, filter: { groupId: $groupId, search: $search }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n          accountId\n        }\n      }\n    }\n  }\n": typeof types.ConsoleVenueCustomersDocument,
    "\n  query ConsoleScratchCardsCsv($id: ID!) {\n    scratchCardBatch(id: $id) {\n      id\n      csv\n    }\n  }\n": typeof types.ConsoleScratchCardsCsvDocument,
    "\n  query ConsoleUnitCustomer($id: ID!) {\n    location(id: $id) {\n      id\n      customer {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ConsoleUnitCustomerDocument,
    "\n  mutation ConsoleIssueKey($input: IssuePersonalKeyInput!) {\n    issuePersonalKey(input: $input) {\n      id\n      keyName\n      passphrase\n    }\n  }\n": typeof types.ConsoleIssueKeyDocument,
    "mutation ConsoleRotateKey($id: ID!, $input: RotatePersonalKeyInput) { rotatePersonalKey(id: $id, input: $input) { id state rotatedAt passphrase } }": typeof types.ConsoleRotateKeyDocument,
    "mutation ConsoleSuspendKey($id: ID!) { suspendPersonalKey(id: $id) { id state } }": typeof types.ConsoleSuspendKeyDocument,
    "mutation ConsoleResumeKey($id: ID!) { resumePersonalKey(id: $id) { id state } }": typeof types.ConsoleResumeKeyDocument,
    "mutation ConsoleRevokeKey($id: ID!) { revokePersonalKey(id: $id) { id state revokedAt } }": typeof types.ConsoleRevokeKeyDocument,
    "\n  query ConsoleKeyPool($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    keyPool(id: $id) {\n      id\n      name\n      venueId\n      groupId\n      isolateKeys\n      networks {\n        networkId\n        locationId\n      }\n      keys(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            id\n            slot\n            keyName\n            state\n            unitId\n            customerId\n            batchId\n            firstUsedAt\n            validFrom\n            validUntil\n            rotatedAt\n            createdAt\n          }\n        }\n      }\n      scratchCardBatches {\n        id\n        name\n        validForMinutes\n        createdAt\n        invalidatedAt\n        cards {\n          id\n          keyName\n          state\n          firstUsedAt\n        }\n      }\n    }\n  }\n": typeof types.ConsoleKeyPoolDocument,
    "\n  query ConsoleKeyPoolVenue($id: ID!) {\n    venue(id: $id) {\n      id\n      name\n      timeZone\n      units {\n        id\n        name\n        kind\n        locationId\n      }\n    }\n  }\n": typeof types.ConsoleKeyPoolVenueDocument,
    "\n  query ConsoleKeyCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.ConsoleKeyCustomerDocument,
    "\n  query ConsoleKeySessions($id: ID!) {\n    personalKey(id: $id) {\n      id\n      sessions(first: 20) {\n        id\n        mac\n        nodeId\n        ifName\n        band\n        keyId\n        startedAt\n        endedAt\n      }\n    }\n  }\n": typeof types.ConsoleKeySessionsDocument,
    "\n  query ConsoleSessionNode($id: ID!) {\n    node(id: $id) {\n      id\n      serial\n    }\n  }\n": typeof types.ConsoleSessionNodeDocument,
    "\n  query ConsoleKeyPlaceStatus($id: ID!) {\n    wifiNetwork(id: $id) {\n      id\n      ssid\n      status {\n        ...ConsoleNetworkStatusFields\n      }\n    }\n  }\n": typeof types.ConsoleKeyPlaceStatusDocument,
    "\n  mutation ConsoleSetMacList($networkId: ID!, $input: SetNetworkMacListInput!) {\n    setNetworkMacList(networkId: $networkId, input: $input) {\n      networkId\n      mode\n      macs\n      updatedAt\n    }\n  }\n": typeof types.ConsoleSetMacListDocument,
    "mutation ConsoleClearMacList($networkId: ID!) { clearNetworkMacList(networkId: $networkId) }": typeof types.ConsoleClearMacListDocument,
    "\n  query ConsolePoolNetwork($id: ID!) {\n    wifiNetwork(id: $id) {\n      id\n      ssid\n      securityMode\n      enabled\n      macList {\n        mode\n        macs\n        updatedAt\n      }\n      status {\n        ...ConsoleNetworkStatusFields\n      }\n    }\n  }\n": typeof types.ConsolePoolNetworkDocument,
    "\n  subscription ConsolePoolNetworkStatus($networkId: ID!) {\n    wifiNetworkStatusChanged(networkId: $networkId) {\n      ...ConsoleNetworkStatusFields\n    }\n  }\n": typeof types.ConsolePoolNetworkStatusDocument,
    "\n  query ConsolePoolFirstNetwork($id: ID!) {\n    wifiNetwork(id: $id) {\n      id\n      ssid\n      securityMode\n    }\n  }\n": typeof types.ConsolePoolFirstNetworkDocument,
    "\n  query ConsoleUnitLocation($id: ID!) {\n    location(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n      nodes {\n        id\n        connected\n      }\n    }\n  }\n": typeof types.ConsoleUnitLocationDocument,
    "\n  query ConsoleVenue($id: ID!) {\n    venue(id: $id) {\n      id\n      groupId\n      name\n      address\n      timeZone\n      units {\n        id\n        name\n        kind\n        locationId\n      }\n      keyPools {\n        id\n        name\n        isolateKeys\n        networks {\n          networkId\n          locationId\n        }\n        keys(first: 1) {\n          totalCount\n        }\n      }\n    }\n  }\n": typeof types.ConsoleVenueDocument,
    "\n  query ConsoleVenues($first: Int, $after: String, $last: Int, $before: String, $platform: Boolean!) {\n    venues(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          groupId\n          name\n          address\n          timeZone\n          units {\n            id\n            kind\n          }\n          keyPools {\n            id\n          }\n        }\n      }\n    }\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ConsoleVenuesDocument,
};
const documents: Documents = {
    "\n  query ConsoleGroups {\n    groups(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          createdAt\n        }\n      }\n    }\n  }\n": types.ConsoleGroupsDocument,
    "mutation ConsoleCreateGroup($name: String!) { createGroup(input: { name: $name }) { id name } }": types.ConsoleCreateGroupDocument,
    "\n  mutation ConsoleCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n    }\n  }\n": types.ConsoleCreateUserDocument,
    "\n  query ConsoleUsers($platform: Boolean!) {\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    users(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          role\n          createdAt\n          groups {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleUsersDocument,
    "mutation ConsoleRevokeSessions($id: ID!) { revokeUserSessions(id: $id) { id } }": types.ConsoleRevokeSessionsDocument,
    "\n  query ConsoleApiClients($platform: Boolean!) {\n    apiClients {\n      id\n      clientId\n      name\n      groupId\n      confidential\n      scopes\n      redirectUris\n      justification\n      sensitiveApprovedAt\n      createdAt\n    }\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ConsoleApiClientsDocument,
    "mutation ConsoleDeleteApiClient($id: ID!) { deleteApiClient(id: $id) }": types.ConsoleDeleteApiClientDocument,
    "mutation ConsoleApproveApiClient($id: ID!) { approveApiClientScopes(id: $id) { id sensitiveApprovedAt } }": types.ConsoleApproveApiClientDocument,
    "\n  mutation ConsoleRegisterApiClient($input: RegisterApiClientInput!) {\n    registerApiClient(input: $input) {\n      clientSecret\n      client {\n        id\n        clientId\n        name\n      }\n    }\n  }\n": types.ConsoleRegisterApiClientDocument,
    "\n  query ConsoleAudit($after: String, $objectId: ID, $actor: String, $action: String, $from: DateTime, $to: DateTime) {\n    auditEvents(first: 50, after: $after, objectId: $objectId, actor: $actor, action: $action, from: $from, to: $to) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          actorEmail\n          action\n          objectType\n          objectId\n        }\n      }\n    }\n  }\n": types.ConsoleAuditDocument,
    "\n  mutation ConsoleLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        role\n      }\n    }\n  }\n": types.ConsoleLoginDocument,
    "\n  query ConsoleCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      email\n      accountId\n      partnerId\n      status\n      emailVerified\n      onboardingCompletedAt\n      createdAt\n      locations {\n        id\n        name\n        serviceId\n        address {\n          street\n          city\n          postalCode\n          country\n        }\n        nodes {\n          id\n          serial\n          model\n          connected\n        }\n        wifiNetworks {\n          id\n          status {\n            overall\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleCustomerDocument,
    "mutation ConsoleSuspendCustomer($id: ID!) { suspendCustomer(id: $id) { id status } }": types.ConsoleSuspendCustomerDocument,
    "mutation ConsoleResumeCustomer($id: ID!) { resumeCustomer(id: $id) { id status } }": types.ConsoleResumeCustomerDocument,
    "mutation ConsoleTerminateCustomer($id: ID!) { terminateCustomer(id: $id) { id status } }": types.ConsoleTerminateCustomerDocument,
    "mutation ConsoleVerifyEmail($id: ID!) { verifyCustomerEmail(id: $id) { id emailVerified } }": types.ConsoleVerifyEmailDocument,
    "mutation ConsoleCompleteOnboarding($customerId: ID!) { completeOnboarding(customerId: $customerId) { id onboardingCompletedAt } }": types.ConsoleCompleteOnboardingDocument,
    "mutation ConsoleUnclaimNode($id: ID!, $reason: String!) { unclaimNode(id: $id, reason: $reason) { id locationId } }": types.ConsoleUnclaimNodeDocument,
    "\n  mutation ConsoleConfigureEbl($input: EblProviderInput!) {\n    configureEblProvider(input: $input) {\n      secret\n      provider {\n        apiClientId\n      }\n    }\n  }\n": types.ConsoleConfigureEblDocument,
    "\n  query ConsoleEblDeliveries($apiClientId: ID!) {\n    eblDeliveries(apiClientId: $apiClientId, limit: 50) {\n      id\n      mac\n      accessId\n      status\n      createdAt\n      finishedAt\n      nextAttemptAt\n      attempts {\n        number\n        at\n        httpStatus\n        error\n      }\n    }\n  }\n": types.ConsoleEblDeliveriesDocument,
    "\n  query ConsoleEblGroups($platform: Boolean!) {\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ConsoleEblGroupsDocument,
    "\n  query ConsoleEblProviders($groupId: ID!) {\n    eblProviders(groupId: $groupId) {\n      apiClientId\n      notificationUrl\n      accessIdSource\n      locationScope\n      updatedAt\n    }\n    apiClients(groupId: $groupId) {\n      id\n      name\n    }\n  }\n": types.ConsoleEblProvidersDocument,
    "mutation ConsoleRotateEblSecret($apiClientId: ID!) { rotateEblProviderSecret(apiClientId: $apiClientId) { secret } }": types.ConsoleRotateEblSecretDocument,
    "mutation ConsoleRemoveEbl($apiClientId: ID!) { removeEblProvider(apiClientId: $apiClientId) { apiClientId } }": types.ConsoleRemoveEblDocument,
    "\n  query ConsoleLocationClients($id: ID!, $from: DateTime!) {\n    location(id: $id) {\n      id\n      name\n      clients(connectedOnly: false) {\n        mac\n        nickname\n        hostname\n        connected\n        band\n        ip\n        lastSeenAt\n      }\n      usage(bucket: HOUR, from: $from) {\n        start\n        rxBytes\n        txBytes\n      }\n      topTalkers(first: 10, from: $from) {\n        mac\n        nickname\n        rxBytes\n        txBytes\n      }\n    }\n  }\n": types.ConsoleLocationClientsDocument,
    "\n  mutation ConsoleClientKick($input: CreateClientKickInput!) {\n    createClientKickOperation(input: $input) {\n      id\n    }\n  }\n": types.ConsoleClientKickDocument,
    "\n  query ConsoleLocation($id: ID!) {\n    location(id: $id) {\n      id\n      name\n      serviceId\n      timezone\n      customer {\n        id\n        name\n        status\n      }\n      nodes {\n        id\n        serial\n        model\n        firmwareVersion\n        connected\n        connectedSince\n        lastSeenAt\n        macAddress\n      }\n      wifiNetworks {\n        id\n        kind\n        ssid\n        securityMode\n        passphrase\n        bands\n        enabled\n        hidden\n        clientIsolation\n        vlanId\n        status {\n          ...ConsoleNetworkStatusFields\n        }\n      }\n    }\n  }\n": types.ConsoleLocationDocument,
    "\n  subscription ConsoleNetworkStatus($networkId: ID!) {\n    wifiNetworkStatusChanged(networkId: $networkId) {\n      ...ConsoleNetworkStatusFields\n    }\n  }\n": types.ConsoleNetworkStatusDocument,
    "\n  mutation ConsoleCreateNetwork($locationId: ID!, $input: CreateWifiNetworkInput!, $key: String) {\n    createWifiNetwork(locationId: $locationId, input: $input, idempotencyKey: $key) {\n      id\n    }\n  }\n": types.ConsoleCreateNetworkDocument,
    "\n  mutation ConsoleUpdateNetwork($id: ID!, $input: UpdateWifiNetworkInput!) {\n    updateWifiNetwork(id: $id, input: $input) {\n      id\n    }\n  }\n": types.ConsoleUpdateNetworkDocument,
    "\n  query ConsoleNode($id: ID!) {\n    node(id: $id) {\n      id\n      serial\n      model\n      firmwareVersion\n      connected\n      connectedSince\n      lastSeenAt\n      claimedAt\n      macAddress\n      remoteAddress\n      location {\n        id\n        name\n      }\n    }\n  }\n": types.ConsoleNodeDocument,
    "\n  fragment ConsoleNetworkStatusFields on WifiNetworkStatus {\n    networkId\n    overall\n    nodes {\n      nodeId\n      serial\n      status\n      mismatches {\n        reason\n        ifName\n        column\n        desired\n        config\n        state\n      }\n    }\n  }\n": types.ConsoleNetworkStatusFieldsFragmentDoc,
    "\n  query ConsoleOperation($id: ID!) {\n    deviceOperation(id: $id) {\n      id\n      kind\n      state\n      createdAt\n      createdByEmail\n      finishedAt\n      targetCount\n      progress {\n        state\n        count\n      }\n      targets(first: 100) {\n        edges {\n          node {\n            id\n            serial\n            state\n            detail\n            failureCode\n            logArchiveUrl\n            finishedAt\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleOperationDocument,
    "\n  subscription ConsoleOperationProgress($id: ID!) {\n    deviceOperationProgress(id: $id) {\n      operationId\n      state\n      counts {\n        state\n        count\n      }\n    }\n  }\n": types.ConsoleOperationProgressDocument,
    "\n  query ConsoleOperations($after: String, $filter: DeviceOperationsFilter) {\n    deviceOperations(first: 25, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          state\n          createdAt\n          createdByEmail\n          targetCount\n          progress {\n            state\n            count\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleOperationsDocument,
    "mutation ConsoleReboot($input: CreateRebootInput!) { createRebootOperation(input: $input) { id } }": types.ConsoleRebootDocument,
    "mutation ConsoleLogPull($input: CreateRebootInput!) { createLogPullOperation(input: $input) { id } }": types.ConsoleLogPullDocument,
    "\n  query ConsoleFirmwareImages($model: String) {\n    firmwareImages(model: $model) {\n      id\n      version\n      model\n      notes\n    }\n  }\n": types.ConsoleFirmwareImagesDocument,
    "mutation ConsoleFirmware($input: CreateFirmwareUpgradeInput!) { createFirmwareOperation(input: $input) { id } }": types.ConsoleFirmwareDocument,
    "\n  query ConsoleSearchCustomers($search: String!) {\n    customers(filter: { search: $search }, first: 8) {\n      edges {\n        node {\n          id\n          name\n          email\n          accountId\n          status\n        }\n      }\n    }\n  }\n": types.ConsoleSearchCustomersDocument,
    "\n  query ConsoleSearchNodes($prefix: String!) {\n    nodes(filter: { serialPrefix: $prefix }, first: 8) {\n      edges {\n        node {\n          id\n          serial\n          model\n          locationId\n          location {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleSearchNodesDocument,
    "\n  query ConsoleSearchServiceId($serviceId: String!) {\n    locationsByServiceId(serviceId: $serviceId) {\n      id\n      name\n      serviceId\n      customer {\n        name\n      }\n    }\n  }\n": types.ConsoleSearchServiceIdDocument,
    "\n  query ConsoleSearchMac($mac: String!) {\n    clientsByMac(mac: $mac) {\n      mac\n      locationId\n      nickname\n      hostname\n      connected\n    }\n  }\n": types.ConsoleSearchMacDocument,
    "mutation ConsoleExtendScratchCards($id: ID!, $minutes: Int!) { extendScratchCards(id: $id, validForMinutes: $minutes) { id validForMinutes } }": types.ConsoleExtendScratchCardsDocument,
    "mutation ConsoleInvalidateScratchCards($id: ID!) { invalidateScratchCards(id: $id) { id invalidatedAt } }": types.ConsoleInvalidateScratchCardsDocument,
    "\n  mutation ConsoleCreateScratchCards($input: CreateScratchCardsInput!) {\n    createScratchCards(input: $input) {\n      id\n      name\n    }\n  }\n": types.ConsoleCreateScratchCardsDocument,
    "\n  query ConsoleCustomerLocations($id: ID!) {\n    customer(id: $id) {\n      id\n      locations {\n        id\n        name\n      }\n    }\n  }\n": types.ConsoleCustomerLocationsDocument,
    "\n  mutation ConsoleCreateUnit($input: CreateVenueUnitInput!) {\n    createVenueUnit(input: $input) {\n      id\n      name\n      kind\n      locationId\n    }\n  }\n": types.ConsoleCreateUnitDocument,
    "\n  query ConsoleVenueCustomers($groupId: ID!, $search: String) {\n    customers(first: 10, filter: { groupId: $groupId, search: $search }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n          accountId\n        }\n      }\n    }\n  }\n": types.ConsoleVenueCustomersDocument,
    "\n  query ConsoleScratchCardsCsv($id: ID!) {\n    scratchCardBatch(id: $id) {\n      id\n      csv\n    }\n  }\n": types.ConsoleScratchCardsCsvDocument,
    "\n  query ConsoleUnitCustomer($id: ID!) {\n    location(id: $id) {\n      id\n      customer {\n        id\n        name\n      }\n    }\n  }\n": types.ConsoleUnitCustomerDocument,
    "\n  mutation ConsoleIssueKey($input: IssuePersonalKeyInput!) {\n    issuePersonalKey(input: $input) {\n      id\n      keyName\n      passphrase\n    }\n  }\n": types.ConsoleIssueKeyDocument,
    "mutation ConsoleRotateKey($id: ID!, $input: RotatePersonalKeyInput) { rotatePersonalKey(id: $id, input: $input) { id state rotatedAt passphrase } }": types.ConsoleRotateKeyDocument,
    "mutation ConsoleSuspendKey($id: ID!) { suspendPersonalKey(id: $id) { id state } }": types.ConsoleSuspendKeyDocument,
    "mutation ConsoleResumeKey($id: ID!) { resumePersonalKey(id: $id) { id state } }": types.ConsoleResumeKeyDocument,
    "mutation ConsoleRevokeKey($id: ID!) { revokePersonalKey(id: $id) { id state revokedAt } }": types.ConsoleRevokeKeyDocument,
    "\n  query ConsoleKeyPool($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    keyPool(id: $id) {\n      id\n      name\n      venueId\n      groupId\n      isolateKeys\n      networks {\n        networkId\n        locationId\n      }\n      keys(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            id\n            slot\n            keyName\n            state\n            unitId\n            customerId\n            batchId\n            firstUsedAt\n            validFrom\n            validUntil\n            rotatedAt\n            createdAt\n          }\n        }\n      }\n      scratchCardBatches {\n        id\n        name\n        validForMinutes\n        createdAt\n        invalidatedAt\n        cards {\n          id\n          keyName\n          state\n          firstUsedAt\n        }\n      }\n    }\n  }\n": types.ConsoleKeyPoolDocument,
    "\n  query ConsoleKeyPoolVenue($id: ID!) {\n    venue(id: $id) {\n      id\n      name\n      timeZone\n      units {\n        id\n        name\n        kind\n        locationId\n      }\n    }\n  }\n": types.ConsoleKeyPoolVenueDocument,
    "\n  query ConsoleKeyCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n    }\n  }\n": types.ConsoleKeyCustomerDocument,
    "\n  query ConsoleKeySessions($id: ID!) {\n    personalKey(id: $id) {\n      id\n      sessions(first: 20) {\n        id\n        mac\n        nodeId\n        ifName\n        band\n        keyId\n        startedAt\n        endedAt\n      }\n    }\n  }\n": types.ConsoleKeySessionsDocument,
    "\n  query ConsoleSessionNode($id: ID!) {\n    node(id: $id) {\n      id\n      serial\n    }\n  }\n": types.ConsoleSessionNodeDocument,
    "\n  query ConsoleKeyPlaceStatus($id: ID!) {\n    wifiNetwork(id: $id) {\n      id\n      ssid\n      status {\n        ...ConsoleNetworkStatusFields\n      }\n    }\n  }\n": types.ConsoleKeyPlaceStatusDocument,
    "\n  mutation ConsoleSetMacList($networkId: ID!, $input: SetNetworkMacListInput!) {\n    setNetworkMacList(networkId: $networkId, input: $input) {\n      networkId\n      mode\n      macs\n      updatedAt\n    }\n  }\n": types.ConsoleSetMacListDocument,
    "mutation ConsoleClearMacList($networkId: ID!) { clearNetworkMacList(networkId: $networkId) }": types.ConsoleClearMacListDocument,
    "\n  query ConsolePoolNetwork($id: ID!) {\n    wifiNetwork(id: $id) {\n      id\n      ssid\n      securityMode\n      enabled\n      macList {\n        mode\n        macs\n        updatedAt\n      }\n      status {\n        ...ConsoleNetworkStatusFields\n      }\n    }\n  }\n": types.ConsolePoolNetworkDocument,
    "\n  subscription ConsolePoolNetworkStatus($networkId: ID!) {\n    wifiNetworkStatusChanged(networkId: $networkId) {\n      ...ConsoleNetworkStatusFields\n    }\n  }\n": types.ConsolePoolNetworkStatusDocument,
    "\n  query ConsolePoolFirstNetwork($id: ID!) {\n    wifiNetwork(id: $id) {\n      id\n      ssid\n      securityMode\n    }\n  }\n": types.ConsolePoolFirstNetworkDocument,
    "\n  query ConsoleUnitLocation($id: ID!) {\n    location(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n      nodes {\n        id\n        connected\n      }\n    }\n  }\n": types.ConsoleUnitLocationDocument,
    "\n  query ConsoleVenue($id: ID!) {\n    venue(id: $id) {\n      id\n      groupId\n      name\n      address\n      timeZone\n      units {\n        id\n        name\n        kind\n        locationId\n      }\n      keyPools {\n        id\n        name\n        isolateKeys\n        networks {\n          networkId\n          locationId\n        }\n        keys(first: 1) {\n          totalCount\n        }\n      }\n    }\n  }\n": types.ConsoleVenueDocument,
    "\n  query ConsoleVenues($first: Int, $after: String, $last: Int, $before: String, $platform: Boolean!) {\n    venues(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          groupId\n          name\n          address\n          timeZone\n          units {\n            id\n            kind\n          }\n          keyPools {\n            id\n          }\n        }\n      }\n    }\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ConsoleVenuesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleGroups {\n    groups(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleGroups {\n    groups(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleCreateGroup($name: String!) { createGroup(input: { name: $name }) { id name } }"): (typeof documents)["mutation ConsoleCreateGroup($name: String!) { createGroup(input: { name: $name }) { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleUsers($platform: Boolean!) {\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    users(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          role\n          createdAt\n          groups {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleUsers($platform: Boolean!) {\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n    users(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          role\n          createdAt\n          groups {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleRevokeSessions($id: ID!) { revokeUserSessions(id: $id) { id } }"): (typeof documents)["mutation ConsoleRevokeSessions($id: ID!) { revokeUserSessions(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleApiClients($platform: Boolean!) {\n    apiClients {\n      id\n      clientId\n      name\n      groupId\n      confidential\n      scopes\n      redirectUris\n      justification\n      sensitiveApprovedAt\n      createdAt\n    }\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleApiClients($platform: Boolean!) {\n    apiClients {\n      id\n      clientId\n      name\n      groupId\n      confidential\n      scopes\n      redirectUris\n      justification\n      sensitiveApprovedAt\n      createdAt\n    }\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleDeleteApiClient($id: ID!) { deleteApiClient(id: $id) }"): (typeof documents)["mutation ConsoleDeleteApiClient($id: ID!) { deleteApiClient(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleApproveApiClient($id: ID!) { approveApiClientScopes(id: $id) { id sensitiveApprovedAt } }"): (typeof documents)["mutation ConsoleApproveApiClient($id: ID!) { approveApiClientScopes(id: $id) { id sensitiveApprovedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRegisterApiClient($input: RegisterApiClientInput!) {\n    registerApiClient(input: $input) {\n      clientSecret\n      client {\n        id\n        clientId\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRegisterApiClient($input: RegisterApiClientInput!) {\n    registerApiClient(input: $input) {\n      clientSecret\n      client {\n        id\n        clientId\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAudit($after: String, $objectId: ID, $actor: String, $action: String, $from: DateTime, $to: DateTime) {\n    auditEvents(first: 50, after: $after, objectId: $objectId, actor: $actor, action: $action, from: $from, to: $to) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          actorEmail\n          action\n          objectType\n          objectId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleAudit($after: String, $objectId: ID, $actor: String, $action: String, $from: DateTime, $to: DateTime) {\n    auditEvents(first: 50, after: $after, objectId: $objectId, actor: $actor, action: $action, from: $from, to: $to) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          at\n          actorEmail\n          action\n          objectType\n          objectId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      user {\n        id\n        email\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      email\n      accountId\n      partnerId\n      status\n      emailVerified\n      onboardingCompletedAt\n      createdAt\n      locations {\n        id\n        name\n        serviceId\n        address {\n          street\n          city\n          postalCode\n          country\n        }\n        nodes {\n          id\n          serial\n          model\n          connected\n        }\n        wifiNetworks {\n          id\n          status {\n            overall\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      email\n      accountId\n      partnerId\n      status\n      emailVerified\n      onboardingCompletedAt\n      createdAt\n      locations {\n        id\n        name\n        serviceId\n        address {\n          street\n          city\n          postalCode\n          country\n        }\n        nodes {\n          id\n          serial\n          model\n          connected\n        }\n        wifiNetworks {\n          id\n          status {\n            overall\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleSuspendCustomer($id: ID!) { suspendCustomer(id: $id) { id status } }"): (typeof documents)["mutation ConsoleSuspendCustomer($id: ID!) { suspendCustomer(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleResumeCustomer($id: ID!) { resumeCustomer(id: $id) { id status } }"): (typeof documents)["mutation ConsoleResumeCustomer($id: ID!) { resumeCustomer(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleTerminateCustomer($id: ID!) { terminateCustomer(id: $id) { id status } }"): (typeof documents)["mutation ConsoleTerminateCustomer($id: ID!) { terminateCustomer(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleVerifyEmail($id: ID!) { verifyCustomerEmail(id: $id) { id emailVerified } }"): (typeof documents)["mutation ConsoleVerifyEmail($id: ID!) { verifyCustomerEmail(id: $id) { id emailVerified } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleCompleteOnboarding($customerId: ID!) { completeOnboarding(customerId: $customerId) { id onboardingCompletedAt } }"): (typeof documents)["mutation ConsoleCompleteOnboarding($customerId: ID!) { completeOnboarding(customerId: $customerId) { id onboardingCompletedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleUnclaimNode($id: ID!, $reason: String!) { unclaimNode(id: $id, reason: $reason) { id locationId } }"): (typeof documents)["mutation ConsoleUnclaimNode($id: ID!, $reason: String!) { unclaimNode(id: $id, reason: $reason) { id locationId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleConfigureEbl($input: EblProviderInput!) {\n    configureEblProvider(input: $input) {\n      secret\n      provider {\n        apiClientId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleConfigureEbl($input: EblProviderInput!) {\n    configureEblProvider(input: $input) {\n      secret\n      provider {\n        apiClientId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleEblDeliveries($apiClientId: ID!) {\n    eblDeliveries(apiClientId: $apiClientId, limit: 50) {\n      id\n      mac\n      accessId\n      status\n      createdAt\n      finishedAt\n      nextAttemptAt\n      attempts {\n        number\n        at\n        httpStatus\n        error\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleEblDeliveries($apiClientId: ID!) {\n    eblDeliveries(apiClientId: $apiClientId, limit: 50) {\n      id\n      mac\n      accessId\n      status\n      createdAt\n      finishedAt\n      nextAttemptAt\n      attempts {\n        number\n        at\n        httpStatus\n        error\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleEblGroups($platform: Boolean!) {\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleEblGroups($platform: Boolean!) {\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleEblProviders($groupId: ID!) {\n    eblProviders(groupId: $groupId) {\n      apiClientId\n      notificationUrl\n      accessIdSource\n      locationScope\n      updatedAt\n    }\n    apiClients(groupId: $groupId) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ConsoleEblProviders($groupId: ID!) {\n    eblProviders(groupId: $groupId) {\n      apiClientId\n      notificationUrl\n      accessIdSource\n      locationScope\n      updatedAt\n    }\n    apiClients(groupId: $groupId) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleRotateEblSecret($apiClientId: ID!) { rotateEblProviderSecret(apiClientId: $apiClientId) { secret } }"): (typeof documents)["mutation ConsoleRotateEblSecret($apiClientId: ID!) { rotateEblProviderSecret(apiClientId: $apiClientId) { secret } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleRemoveEbl($apiClientId: ID!) { removeEblProvider(apiClientId: $apiClientId) { apiClientId } }"): (typeof documents)["mutation ConsoleRemoveEbl($apiClientId: ID!) { removeEblProvider(apiClientId: $apiClientId) { apiClientId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleLocationClients($id: ID!, $from: DateTime!) {\n    location(id: $id) {\n      id\n      name\n      clients(connectedOnly: false) {\n        mac\n        nickname\n        hostname\n        connected\n        band\n        ip\n        lastSeenAt\n      }\n      usage(bucket: HOUR, from: $from) {\n        start\n        rxBytes\n        txBytes\n      }\n      topTalkers(first: 10, from: $from) {\n        mac\n        nickname\n        rxBytes\n        txBytes\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleLocationClients($id: ID!, $from: DateTime!) {\n    location(id: $id) {\n      id\n      name\n      clients(connectedOnly: false) {\n        mac\n        nickname\n        hostname\n        connected\n        band\n        ip\n        lastSeenAt\n      }\n      usage(bucket: HOUR, from: $from) {\n        start\n        rxBytes\n        txBytes\n      }\n      topTalkers(first: 10, from: $from) {\n        mac\n        nickname\n        rxBytes\n        txBytes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleClientKick($input: CreateClientKickInput!) {\n    createClientKickOperation(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleClientKick($input: CreateClientKickInput!) {\n    createClientKickOperation(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleLocation($id: ID!) {\n    location(id: $id) {\n      id\n      name\n      serviceId\n      timezone\n      customer {\n        id\n        name\n        status\n      }\n      nodes {\n        id\n        serial\n        model\n        firmwareVersion\n        connected\n        connectedSince\n        lastSeenAt\n        macAddress\n      }\n      wifiNetworks {\n        id\n        kind\n        ssid\n        securityMode\n        passphrase\n        bands\n        enabled\n        hidden\n        clientIsolation\n        vlanId\n        status {\n          ...ConsoleNetworkStatusFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleLocation($id: ID!) {\n    location(id: $id) {\n      id\n      name\n      serviceId\n      timezone\n      customer {\n        id\n        name\n        status\n      }\n      nodes {\n        id\n        serial\n        model\n        firmwareVersion\n        connected\n        connectedSince\n        lastSeenAt\n        macAddress\n      }\n      wifiNetworks {\n        id\n        kind\n        ssid\n        securityMode\n        passphrase\n        bands\n        enabled\n        hidden\n        clientIsolation\n        vlanId\n        status {\n          ...ConsoleNetworkStatusFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleNetworkStatus($networkId: ID!) {\n    wifiNetworkStatusChanged(networkId: $networkId) {\n      ...ConsoleNetworkStatusFields\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleNetworkStatus($networkId: ID!) {\n    wifiNetworkStatusChanged(networkId: $networkId) {\n      ...ConsoleNetworkStatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateNetwork($locationId: ID!, $input: CreateWifiNetworkInput!, $key: String) {\n    createWifiNetwork(locationId: $locationId, input: $input, idempotencyKey: $key) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateNetwork($locationId: ID!, $input: CreateWifiNetworkInput!, $key: String) {\n    createWifiNetwork(locationId: $locationId, input: $input, idempotencyKey: $key) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateNetwork($id: ID!, $input: UpdateWifiNetworkInput!) {\n    updateWifiNetwork(id: $id, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpdateNetwork($id: ID!, $input: UpdateWifiNetworkInput!) {\n    updateWifiNetwork(id: $id, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleNode($id: ID!) {\n    node(id: $id) {\n      id\n      serial\n      model\n      firmwareVersion\n      connected\n      connectedSince\n      lastSeenAt\n      claimedAt\n      macAddress\n      remoteAddress\n      location {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleNode($id: ID!) {\n    node(id: $id) {\n      id\n      serial\n      model\n      firmwareVersion\n      connected\n      connectedSince\n      lastSeenAt\n      claimedAt\n      macAddress\n      remoteAddress\n      location {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleNetworkStatusFields on WifiNetworkStatus {\n    networkId\n    overall\n    nodes {\n      nodeId\n      serial\n      status\n      mismatches {\n        reason\n        ifName\n        column\n        desired\n        config\n        state\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ConsoleNetworkStatusFields on WifiNetworkStatus {\n    networkId\n    overall\n    nodes {\n      nodeId\n      serial\n      status\n      mismatches {\n        reason\n        ifName\n        column\n        desired\n        config\n        state\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOperation($id: ID!) {\n    deviceOperation(id: $id) {\n      id\n      kind\n      state\n      createdAt\n      createdByEmail\n      finishedAt\n      targetCount\n      progress {\n        state\n        count\n      }\n      targets(first: 100) {\n        edges {\n          node {\n            id\n            serial\n            state\n            detail\n            failureCode\n            logArchiveUrl\n            finishedAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOperation($id: ID!) {\n    deviceOperation(id: $id) {\n      id\n      kind\n      state\n      createdAt\n      createdByEmail\n      finishedAt\n      targetCount\n      progress {\n        state\n        count\n      }\n      targets(first: 100) {\n        edges {\n          node {\n            id\n            serial\n            state\n            detail\n            failureCode\n            logArchiveUrl\n            finishedAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleOperationProgress($id: ID!) {\n    deviceOperationProgress(id: $id) {\n      operationId\n      state\n      counts {\n        state\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleOperationProgress($id: ID!) {\n    deviceOperationProgress(id: $id) {\n      operationId\n      state\n      counts {\n        state\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOperations($after: String, $filter: DeviceOperationsFilter) {\n    deviceOperations(first: 25, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          state\n          createdAt\n          createdByEmail\n          targetCount\n          progress {\n            state\n            count\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOperations($after: String, $filter: DeviceOperationsFilter) {\n    deviceOperations(first: 25, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          state\n          createdAt\n          createdByEmail\n          targetCount\n          progress {\n            state\n            count\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleReboot($input: CreateRebootInput!) { createRebootOperation(input: $input) { id } }"): (typeof documents)["mutation ConsoleReboot($input: CreateRebootInput!) { createRebootOperation(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleLogPull($input: CreateRebootInput!) { createLogPullOperation(input: $input) { id } }"): (typeof documents)["mutation ConsoleLogPull($input: CreateRebootInput!) { createLogPullOperation(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleFirmwareImages($model: String) {\n    firmwareImages(model: $model) {\n      id\n      version\n      model\n      notes\n    }\n  }\n"): (typeof documents)["\n  query ConsoleFirmwareImages($model: String) {\n    firmwareImages(model: $model) {\n      id\n      version\n      model\n      notes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleFirmware($input: CreateFirmwareUpgradeInput!) { createFirmwareOperation(input: $input) { id } }"): (typeof documents)["mutation ConsoleFirmware($input: CreateFirmwareUpgradeInput!) { createFirmwareOperation(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSearchCustomers($search: String!) {\n    customers(filter: { search: $search }, first: 8) {\n      edges {\n        node {\n          id\n          name\n          email\n          accountId\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleSearchCustomers($search: String!) {\n    customers(filter: { search: $search }, first: 8) {\n      edges {\n        node {\n          id\n          name\n          email\n          accountId\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSearchNodes($prefix: String!) {\n    nodes(filter: { serialPrefix: $prefix }, first: 8) {\n      edges {\n        node {\n          id\n          serial\n          model\n          locationId\n          location {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleSearchNodes($prefix: String!) {\n    nodes(filter: { serialPrefix: $prefix }, first: 8) {\n      edges {\n        node {\n          id\n          serial\n          model\n          locationId\n          location {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSearchServiceId($serviceId: String!) {\n    locationsByServiceId(serviceId: $serviceId) {\n      id\n      name\n      serviceId\n      customer {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleSearchServiceId($serviceId: String!) {\n    locationsByServiceId(serviceId: $serviceId) {\n      id\n      name\n      serviceId\n      customer {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSearchMac($mac: String!) {\n    clientsByMac(mac: $mac) {\n      mac\n      locationId\n      nickname\n      hostname\n      connected\n    }\n  }\n"): (typeof documents)["\n  query ConsoleSearchMac($mac: String!) {\n    clientsByMac(mac: $mac) {\n      mac\n      locationId\n      nickname\n      hostname\n      connected\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleExtendScratchCards($id: ID!, $minutes: Int!) { extendScratchCards(id: $id, validForMinutes: $minutes) { id validForMinutes } }"): (typeof documents)["mutation ConsoleExtendScratchCards($id: ID!, $minutes: Int!) { extendScratchCards(id: $id, validForMinutes: $minutes) { id validForMinutes } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleInvalidateScratchCards($id: ID!) { invalidateScratchCards(id: $id) { id invalidatedAt } }"): (typeof documents)["mutation ConsoleInvalidateScratchCards($id: ID!) { invalidateScratchCards(id: $id) { id invalidatedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateScratchCards($input: CreateScratchCardsInput!) {\n    createScratchCards(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateScratchCards($input: CreateScratchCardsInput!) {\n    createScratchCards(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCustomerLocations($id: ID!) {\n    customer(id: $id) {\n      id\n      locations {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleCustomerLocations($id: ID!) {\n    customer(id: $id) {\n      id\n      locations {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateUnit($input: CreateVenueUnitInput!) {\n    createVenueUnit(input: $input) {\n      id\n      name\n      kind\n      locationId\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateUnit($input: CreateVenueUnitInput!) {\n    createVenueUnit(input: $input) {\n      id\n      name\n      kind\n      locationId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleVenueCustomers($groupId: ID!, $search: String) {\n    customers(first: 10, filter: { groupId: $groupId, search: $search }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n          accountId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleVenueCustomers($groupId: ID!, $search: String) {\n    customers(first: 10, filter: { groupId: $groupId, search: $search }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n          accountId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleScratchCardsCsv($id: ID!) {\n    scratchCardBatch(id: $id) {\n      id\n      csv\n    }\n  }\n"): (typeof documents)["\n  query ConsoleScratchCardsCsv($id: ID!) {\n    scratchCardBatch(id: $id) {\n      id\n      csv\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleUnitCustomer($id: ID!) {\n    location(id: $id) {\n      id\n      customer {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleUnitCustomer($id: ID!) {\n    location(id: $id) {\n      id\n      customer {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleIssueKey($input: IssuePersonalKeyInput!) {\n    issuePersonalKey(input: $input) {\n      id\n      keyName\n      passphrase\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleIssueKey($input: IssuePersonalKeyInput!) {\n    issuePersonalKey(input: $input) {\n      id\n      keyName\n      passphrase\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleRotateKey($id: ID!, $input: RotatePersonalKeyInput) { rotatePersonalKey(id: $id, input: $input) { id state rotatedAt passphrase } }"): (typeof documents)["mutation ConsoleRotateKey($id: ID!, $input: RotatePersonalKeyInput) { rotatePersonalKey(id: $id, input: $input) { id state rotatedAt passphrase } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleSuspendKey($id: ID!) { suspendPersonalKey(id: $id) { id state } }"): (typeof documents)["mutation ConsoleSuspendKey($id: ID!) { suspendPersonalKey(id: $id) { id state } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleResumeKey($id: ID!) { resumePersonalKey(id: $id) { id state } }"): (typeof documents)["mutation ConsoleResumeKey($id: ID!) { resumePersonalKey(id: $id) { id state } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleRevokeKey($id: ID!) { revokePersonalKey(id: $id) { id state revokedAt } }"): (typeof documents)["mutation ConsoleRevokeKey($id: ID!) { revokePersonalKey(id: $id) { id state revokedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleKeyPool($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    keyPool(id: $id) {\n      id\n      name\n      venueId\n      groupId\n      isolateKeys\n      networks {\n        networkId\n        locationId\n      }\n      keys(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            id\n            slot\n            keyName\n            state\n            unitId\n            customerId\n            batchId\n            firstUsedAt\n            validFrom\n            validUntil\n            rotatedAt\n            createdAt\n          }\n        }\n      }\n      scratchCardBatches {\n        id\n        name\n        validForMinutes\n        createdAt\n        invalidatedAt\n        cards {\n          id\n          keyName\n          state\n          firstUsedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleKeyPool($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    keyPool(id: $id) {\n      id\n      name\n      venueId\n      groupId\n      isolateKeys\n      networks {\n        networkId\n        locationId\n      }\n      keys(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            id\n            slot\n            keyName\n            state\n            unitId\n            customerId\n            batchId\n            firstUsedAt\n            validFrom\n            validUntil\n            rotatedAt\n            createdAt\n          }\n        }\n      }\n      scratchCardBatches {\n        id\n        name\n        validForMinutes\n        createdAt\n        invalidatedAt\n        cards {\n          id\n          keyName\n          state\n          firstUsedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleKeyPoolVenue($id: ID!) {\n    venue(id: $id) {\n      id\n      name\n      timeZone\n      units {\n        id\n        name\n        kind\n        locationId\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleKeyPoolVenue($id: ID!) {\n    venue(id: $id) {\n      id\n      name\n      timeZone\n      units {\n        id\n        name\n        kind\n        locationId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleKeyCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ConsoleKeyCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleKeySessions($id: ID!) {\n    personalKey(id: $id) {\n      id\n      sessions(first: 20) {\n        id\n        mac\n        nodeId\n        ifName\n        band\n        keyId\n        startedAt\n        endedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleKeySessions($id: ID!) {\n    personalKey(id: $id) {\n      id\n      sessions(first: 20) {\n        id\n        mac\n        nodeId\n        ifName\n        band\n        keyId\n        startedAt\n        endedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSessionNode($id: ID!) {\n    node(id: $id) {\n      id\n      serial\n    }\n  }\n"): (typeof documents)["\n  query ConsoleSessionNode($id: ID!) {\n    node(id: $id) {\n      id\n      serial\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleKeyPlaceStatus($id: ID!) {\n    wifiNetwork(id: $id) {\n      id\n      ssid\n      status {\n        ...ConsoleNetworkStatusFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleKeyPlaceStatus($id: ID!) {\n    wifiNetwork(id: $id) {\n      id\n      ssid\n      status {\n        ...ConsoleNetworkStatusFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetMacList($networkId: ID!, $input: SetNetworkMacListInput!) {\n    setNetworkMacList(networkId: $networkId, input: $input) {\n      networkId\n      mode\n      macs\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSetMacList($networkId: ID!, $input: SetNetworkMacListInput!) {\n    setNetworkMacList(networkId: $networkId, input: $input) {\n      networkId\n      mode\n      macs\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleClearMacList($networkId: ID!) { clearNetworkMacList(networkId: $networkId) }"): (typeof documents)["mutation ConsoleClearMacList($networkId: ID!) { clearNetworkMacList(networkId: $networkId) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePoolNetwork($id: ID!) {\n    wifiNetwork(id: $id) {\n      id\n      ssid\n      securityMode\n      enabled\n      macList {\n        mode\n        macs\n        updatedAt\n      }\n      status {\n        ...ConsoleNetworkStatusFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePoolNetwork($id: ID!) {\n    wifiNetwork(id: $id) {\n      id\n      ssid\n      securityMode\n      enabled\n      macList {\n        mode\n        macs\n        updatedAt\n      }\n      status {\n        ...ConsoleNetworkStatusFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsolePoolNetworkStatus($networkId: ID!) {\n    wifiNetworkStatusChanged(networkId: $networkId) {\n      ...ConsoleNetworkStatusFields\n    }\n  }\n"): (typeof documents)["\n  subscription ConsolePoolNetworkStatus($networkId: ID!) {\n    wifiNetworkStatusChanged(networkId: $networkId) {\n      ...ConsoleNetworkStatusFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePoolFirstNetwork($id: ID!) {\n    wifiNetwork(id: $id) {\n      id\n      ssid\n      securityMode\n    }\n  }\n"): (typeof documents)["\n  query ConsolePoolFirstNetwork($id: ID!) {\n    wifiNetwork(id: $id) {\n      id\n      ssid\n      securityMode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleUnitLocation($id: ID!) {\n    location(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n      nodes {\n        id\n        connected\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleUnitLocation($id: ID!) {\n    location(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n      nodes {\n        id\n        connected\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleVenue($id: ID!) {\n    venue(id: $id) {\n      id\n      groupId\n      name\n      address\n      timeZone\n      units {\n        id\n        name\n        kind\n        locationId\n      }\n      keyPools {\n        id\n        name\n        isolateKeys\n        networks {\n          networkId\n          locationId\n        }\n        keys(first: 1) {\n          totalCount\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleVenue($id: ID!) {\n    venue(id: $id) {\n      id\n      groupId\n      name\n      address\n      timeZone\n      units {\n        id\n        name\n        kind\n        locationId\n      }\n      keyPools {\n        id\n        name\n        isolateKeys\n        networks {\n          networkId\n          locationId\n        }\n        keys(first: 1) {\n          totalCount\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleVenues($first: Int, $after: String, $last: Int, $before: String, $platform: Boolean!) {\n    venues(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          groupId\n          name\n          address\n          timeZone\n          units {\n            id\n            kind\n          }\n          keyPools {\n            id\n          }\n        }\n      }\n    }\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleVenues($first: Int, $after: String, $last: Int, $before: String, $platform: Boolean!) {\n    venues(first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          groupId\n          name\n          address\n          timeZone\n          units {\n            id\n            kind\n          }\n          keyPools {\n            id\n          }\n        }\n      }\n    }\n    me {\n      id\n      groups {\n        id\n        name\n      }\n    }\n    groups(first: 100) @include(if: $platform) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;