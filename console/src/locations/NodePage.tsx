// One node: where it is, its state, and the operations support can start on it.

import { useQuery } from 'urql';
import { href, type Params } from '../app/router';
import { graphql } from '../gql';
import { ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';
import { StartOperation } from '../operations/StartOperation';
import { NodesTable } from './NodesTable';

const NodeQuery = graphql(`
  query ConsoleNode($id: ID!) {
    node(id: $id) {
      id
      serial
      model
      firmwareVersion
      connected
      connectedSince
      lastSeenAt
      claimedAt
      macAddress
      remoteAddress
      location {
        id
        name
      }
    }
  }
`);

export function NodePage({ params }: { params: Params }) {
  const [{ data, fetching, error }] = useQuery({ query: NodeQuery, variables: { id: params.id } });
  const node = data?.node;
  if (node === undefined) return fetching ? <Loading what="node" /> : <ErrorNote error={error} />;
  return (
    <section>
      <PageTitle sub={node.location != null ? <a href={href('/locations/:id', { id: node.location.id })}>{node.location.name}</a> : 'unclaimed'}>
        {`Node ${node.serial}`}
      </PageTitle>
      <NodesTable nodes={[node]} />
      <p className="muted">
        MAC {node.macAddress ?? '—'} · claimed {formatTime(node.claimedAt)}
      </p>
      <h2>Operations</h2>
      <StartOperation nodeIds={[node.id]} what={`node ${node.serial}`} model={node.model} />
    </section>
  );
}
