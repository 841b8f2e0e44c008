// The one selection of a WiFi network's convergence that every page asks for (the location's
// networks, the status subscription, a pool's networks, where a key works): the overall state
// and, per node, its state and the mismatches that explain a FAILED or PENDING one. Documents
// spread it as `...ConsoleNetworkStatusFields`; the generated documents carry its definition.

import { graphql } from '../gql';

export const NetworkStatusFields = graphql(`
  fragment ConsoleNetworkStatusFields on WifiNetworkStatus {
    networkId
    overall
    nodes {
      nodeId
      serial
      status
      mismatches {
        reason
        ifName
        column
        desired
        config
        state
      }
    }
  }
`);
