// The associations made with one personal key, newest first.

import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorNote, formatTime, Loading } from '../ui/ui';

const SessionsQuery = graphql(`
  query ConsoleKeySessions($id: ID!) {
    personalKey(id: $id) {
      id
      sessions(first: 20) {
        id
        mac
        ifName
        band
        startedAt
        endedAt
      }
    }
  }
`);

export function KeySessions({ id, keyName }: { id: string; keyName: string }) {
  const [{ data, fetching, error }] = useQuery({ query: SessionsQuery, variables: { id }, requestPolicy: 'network-only' });
  if (data === undefined) return fetching ? <Loading what="sessions" /> : <ErrorNote error={error} />;
  const sessions = data.personalKey.sessions;
  return (
    <ul className="plain" aria-label={`Sessions of ${keyName}`}>
      {sessions.map((s) => (
        <li key={s.id}>
          <code>{s.mac}</code> on {s.ifName}
          {s.band != null ? ` (${s.band})` : ''}: {formatTime(s.startedAt)} – {s.endedAt != null ? formatTime(s.endedAt) : 'now'}
        </li>
      ))}
      {sessions.length === 0 && <li>No session with this key yet.</li>}
    </ul>
  );
}
