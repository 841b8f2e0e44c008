// The associations made with one personal key, newest first: which client MAC, on which node
// and VIF, when.

import { useQuery } from 'urql';
import { href } from '../app/router';
import { graphql } from '../gql';
import { ErrorNote, formatTime, Loading } from '../ui/ui';

const SessionsQuery = graphql(`
  query ConsoleKeySessions($id: ID!) {
    personalKey(id: $id) {
      id
      sessions(first: 20) {
        id
        mac
        nodeId
        ifName
        band
        keyId
        startedAt
        endedAt
      }
    }
  }
`);
const NodeSerialQuery = graphql(`
  query ConsoleSessionNode($id: ID!) {
    node(id: $id) {
      id
      serial
    }
  }
`);

export function KeySessions({ id, keyName }: { id: string; keyName: string }) {
  const [{ data, fetching, error }] = useQuery({ query: SessionsQuery, variables: { id }, requestPolicy: 'network-only' });
  if (data === undefined) return fetching ? <Loading what="sessions" /> : <ErrorNote error={error} />;
  const sessions = data.personalKey.sessions;
  return (
    <div className="table-wrap">
      <table aria-label={`Sessions of ${keyName}`} className="compact">
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Node</th>
            <th scope="col">VIF</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} data-mac={s.mac}>
              <th scope="row">
                <code>{s.mac}</code>
              </th>
              <td>
                <NodeSerial id={s.nodeId} />
              </td>
              <td>
                {s.ifName}
                {s.band != null ? ` (${s.band})` : ''}
              </td>
              <td>{formatTime(s.startedAt)}</td>
              <td>{s.endedAt != null ? formatTime(s.endedAt) : 'connected'}</td>
            </tr>
          ))}
          {sessions.length === 0 && (
            <tr>
              <td colSpan={5}>No session with this key yet.</td>
            </tr>
          )}
        </tbody>
      </table>
      {sessions.length === 20 && <p className="muted">The 20 latest sessions.</p>}
    </div>
  );
}

function NodeSerial({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: NodeSerialQuery, variables: { id } });
  return data !== undefined ? (
    <a href={href('/nodes/:id', { id })}>
      <code>{data.node.serial}</code>
    </a>
  ) : (
    <span className="muted">…</span>
  );
}
