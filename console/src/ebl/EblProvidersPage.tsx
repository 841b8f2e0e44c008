// EBL providers of a group: configure one for an API client (the signing secret shown once),
// rotate its secret, remove it, and read its deliveries with their attempts.

import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { isPlatformAdmin } from '../auth/session';
import { useRole } from '../auth/SessionContext';
import { graphql } from '../gql';
import { ConfirmDialog, ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';
import { OncePassphrase } from '../venues/OncePassphrase';
import { ConfigureEblForm } from './ConfigureEblForm';
import { EblDeliveries } from './EblDeliveries';

const GroupsQuery = graphql(`
  query ConsoleEblGroups($platform: Boolean!) {
    me {
      id
      groups {
        id
        name
      }
    }
    groups(first: 100) @include(if: $platform) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
const ProvidersQuery = graphql(`
  query ConsoleEblProviders($groupId: ID!) {
    eblProviders(groupId: $groupId) {
      apiClientId
      notificationUrl
      accessIdSource
      locationScope
      updatedAt
    }
    apiClients(groupId: $groupId) {
      id
      name
    }
  }
`);
const Rotate = graphql(`mutation ConsoleRotateEblSecret($apiClientId: ID!) { rotateEblProviderSecret(apiClientId: $apiClientId) { secret } }`);
const Remove = graphql(`mutation ConsoleRemoveEbl($apiClientId: ID!) { removeEblProvider(apiClientId: $apiClientId) { apiClientId } }`);

export function EblProvidersPage() {
  const role = useRole();
  const platform = isPlatformAdmin(role);
  const [groupsResult] = useQuery({ query: GroupsQuery, variables: { platform } });
  const groups = platform ? (groupsResult.data?.groups?.edges.map((e) => e.node) ?? []) : (groupsResult.data?.me.groups ?? []);
  const [chosen, setChosen] = useState('');
  const groupId = chosen !== '' ? chosen : groups.length === 1 ? groups[0].id : '';
  const [{ data, error }, refetch] = useQuery({ query: ProvidersQuery, variables: { groupId }, pause: groupId === '' });
  const [open, setOpen] = useState<string | undefined>();
  const [removing, setRemoving] = useState<string | undefined>();
  const [secret, setSecret] = useState<string | undefined>();
  const [rotated, rotate] = useMutation(Rotate);
  const [removed, remove] = useMutation(Remove);
  if (groupsResult.data === undefined) return groupsResult.fetching ? <Loading what="groups" /> : <ErrorNote error={groupsResult.error} />;
  const reload = (): void => refetch({ requestPolicy: 'network-only' });
  const nameOf = (id: string): string => data?.apiClients.find((c) => c.id === id)?.name ?? id;
  return (
    <section>
      <PageTitle>EBL providers</PageTitle>
      <div className="filters">
        <label>
          Group
          <select value={groupId} onChange={(e) => setChosen(e.target.value)}>
            <option value="">Choose a group</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNote error={error ?? rotated.error ?? removed.error} />
      {data !== undefined && (
        <>
          <h2>Configure a provider</h2>
          <ConfigureEblForm groupId={groupId} clients={data.apiClients} onDone={reload} />
          {secret !== undefined && <OncePassphrase label="New signing secret" value={secret} onDone={() => setSecret(undefined)} />}
          <h2>Providers</h2>
          <ul className="plain">
            {data.eblProviders.map((p) => (
              <li key={p.apiClientId} className="card" data-provider={nameOf(p.apiClientId)}>
                <strong>{nameOf(p.apiClientId)}</strong>: <code>{p.notificationUrl}</code>, accessID {p.accessIdSource === 'SERVICE_ID' ? 'service id' : 'location id'},{' '}
                {p.locationScope === 'ALL_LOCATIONS' ? 'every location' : 'listed locations'}; changed {formatTime(p.updatedAt)}
                <div className="actions">
                  <button type="button" className="small" aria-expanded={open === p.apiClientId} onClick={() => setOpen(open === p.apiClientId ? undefined : p.apiClientId)}>
                    Deliveries
                  </button>
                  <button type="button" className="small" disabled={rotated.fetching} onClick={() => void rotate({ apiClientId: p.apiClientId }).then((r) => setSecret(r.data?.rotateEblProviderSecret.secret ?? undefined))}>
                    Rotate secret
                  </button>
                  <button type="button" className="small" onClick={() => setRemoving(p.apiClientId)}>
                    Remove
                  </button>
                </div>
                {open === p.apiClientId && <EblDeliveries apiClientId={p.apiClientId} name={nameOf(p.apiClientId)} />}
              </li>
            ))}
            {data.eblProviders.length === 0 && <li>No provider for this group.</li>}
          </ul>
        </>
      )}
      {removing !== undefined && (
        <ConfirmDialog
          title={`Remove ${nameOf(removing)}?`}
          confirmLabel="Remove"
          danger
          busy={removed.fetching}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() =>
            void remove({ apiClientId: removing }).then(() => {
              setRemoving(undefined);
              reload();
            })
          }
        >
          <p>The provider is told about no more clients; its pending deliveries are given up.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
