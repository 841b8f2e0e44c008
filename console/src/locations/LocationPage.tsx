// A location: its nodes (online since / last seen, model, firmware, serial), its networks
// with convergence per node, live over the status subscription, and for admins the forms to
// add a guest or IoT network and edit networks. Support sees the same, read-only, without
// passphrases (the API does not send them).

import { useState } from 'react';
import { useQuery } from 'urql';
import { href, type Params } from '../app/router';
import { useRole } from '../auth/SessionContext';
import { canEdit } from '../auth/session';
import { graphql } from '../gql';
import { ErrorNote, Loading, PageTitle } from '../ui/ui';
import { NetworkCard } from './NetworkCard';
import { NetworkForm } from './NetworkForm';
import { NodesTable } from './NodesTable';
import { NEW_GUEST_NETWORK } from './network-form';

const LocationQuery = graphql(`
  query ConsoleLocation($id: ID!) {
    location(id: $id) {
      id
      name
      serviceId
      timezone
      customer {
        id
        name
        status
      }
      nodes {
        id
        serial
        model
        firmwareVersion
        connected
        connectedSince
        lastSeenAt
        macAddress
      }
      wifiNetworks {
        id
        kind
        ssid
        securityMode
        passphrase
        bands
        enabled
        hidden
        clientIsolation
        vlanId
        status {
          ...ConsoleNetworkStatusFields
        }
      }
    }
  }
`);

export function LocationPage({ params }: { params: Params }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: LocationQuery, variables: { id: params.id } });
  const role = useRole();
  const [adding, setAdding] = useState(false);
  const location = data?.location;
  if (location === undefined) return fetching ? <Loading what="location" /> : <ErrorNote error={error} />;
  const editable = canEdit(role);
  return (
    <section>
      <PageTitle
        sub={
          <>
            <a href={href('/customers/:id', { id: location.customer.id })}>{location.customer.name}</a>
            {location.serviceId != null && ` · serviceId ${location.serviceId}`} · {location.timezone}
            {' · '}
            <a href={href('/locations/:id/clients', { id: location.id })}>Clients and usage</a>
            {' · '}
            <a href={`${href('/operations')}?location=${encodeURIComponent(location.id)}`}>Operations</a>
          </>
        }
      >
        {location.name}
      </PageTitle>
      <h2>Nodes</h2>
      <NodesTable nodes={location.nodes} />
      <div className="section-head">
        <h2>Networks</h2>
        {editable && !adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Add a guest or IoT network
          </button>
        )}
      </div>
      {adding && (
        <NetworkForm
          locationId={location.id}
          initial={NEW_GUEST_NETWORK}
          onDone={() => {
            setAdding(false);
            refetch({ requestPolicy: 'network-only' });
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <ul className="cards networks">
        {location.wifiNetworks.map((n) => (
          <NetworkCard key={n.id} network={n} editable={editable} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
        ))}
      </ul>
    </section>
  );
}
